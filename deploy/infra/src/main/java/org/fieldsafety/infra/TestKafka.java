package org.fieldsafety.infra;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A plain Kafka client for tests that act as another service or the PMS system: publishes CloudEvents
 * in binary mode and reads topics from their start, independent of the service under test.
 */
public final class TestKafka {

    private TestKafka() {}

    /** Publishes a JSON CloudEvent and waits for the broker's acknowledgement. */
    public static void publishCloudEvent(
            String bootstrapServers, String topic, String key, String id, String type, String json) {
        publishInOneBatch(bootstrapServers, List.of(cloudEvent(topic, key, id, type, json)));
    }

    /** A JSON CloudEvent in binary mode, as the services publish them. */
    public static ProducerRecord<String, String> cloudEvent(
            String topic, String key, String id, String type, String json) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, json);
        Map.of(
                        "ce_specversion", "1.0",
                        "ce_id", id,
                        "ce_type", type,
                        "ce_source", "/tests",
                        "content-type", "application/json")
                .forEach((name, value) ->
                        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8))));
        return record;
    }

    /**
     * Publishes the records in one produce request and waits for the broker's acknowledgement: records of
     * one partition are appended as one record batch, which a consumer's next poll returns whole, so a
     * batch consumer takes them as one batch.
     */
    public static void publishInOneBatch(String bootstrapServers, List<ProducerRecord<String, String>> records) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, "60000");
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            List<Future<RecordMetadata>> sent =
                    records.stream().map(producer::send).toList();
            producer.flush();
            for (Future<RecordMetadata> acknowledged : sent) {
                acknowledged.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka did not take the test messages", e);
        }
    }

    /** A consumer in a group of its own that reads {@code topic} from its start. */
    public static KafkaConsumer<String, String> consumerFromStart(String bootstrapServers, String topic) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    /** What one poll returns, as a list. */
    public static List<ConsumerRecord<String, String>> poll(KafkaConsumer<String, String> consumer) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        return records;
    }

    /** A header's value as text, or null. */
    public static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
