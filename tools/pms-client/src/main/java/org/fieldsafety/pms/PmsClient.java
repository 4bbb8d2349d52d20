package org.fieldsafety.pms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.fieldsafety.contracts.Topics;

/**
 * The reference PMS client: everything a post-market surveillance system does to integrate with the
 * field safety system, built only from contracts/README.md and asyncapi.yaml. It follows the topics the
 * system publishes for the PMS and sends complaints in.
 *
 * <p>Delivery is at least once both ways. Following: offsets are committed only after the handler
 * returned, so a crash re-delivers at most the uncommitted batch, and events are deduplicated by
 * {@code ce_id} ({@link SeenIds}). Sending: acks=all with an idempotent producer, and {@code ce_id} is
 * the complaint id, so intake makes one report per complaint however often it is sent.
 *
 * <p>{@link #close()} from any thread ends every {@link #follow} of this client.
 */
public final class PmsClient implements AutoCloseable {

    /** What the system publishes for the PMS: triage results, FSCA case and change control milestones. */
    public static final List<String> OUTBOUND_TOPICS = List.of(Topics.TRIAGE, Topics.FSCA, Topics.CHANGE_CONTROL);

    /** The CloudEvent type of a complaint; intake reads the value and does not require the headers. */
    public static final String COMPLAINT_TYPE = "org.fieldsafety.PmsComplaint.v1";

    public static final String SOURCE = "/pms";

    /** Ids remembered per follow: a few MB, and far more than any re-publication window. */
    static final int SEEN_IDS = 100_000;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    private final String bootstrapServers;
    private final Clock clock;
    private final Set<KafkaConsumer<?, ?>> following = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;
    private KafkaProducer<String, String> producer;

    public PmsClient(String bootstrapServers) {
        this(bootstrapServers, Clock.systemUTC());
    }

    /** @param clock gives {@code ce_time} of the complaints sent */
    public PmsClient(String bootstrapServers, Clock clock) {
        this.bootstrapServers = bootstrapServers;
        this.clock = clock;
    }

    /**
     * Hands every new event of {@link #OUTBOUND_TOPICS} to {@code handler}, in order per key, until this
     * client is closed; blocks the calling thread. An exception from the handler ends the follow without
     * committing the batch it was in: the group reads that batch again next time.
     *
     * @param group the consumer group; the same group resumes where it committed
     * @param fromBeginning where a group without committed offsets starts: the topics' start (retention is
     *     unlimited, so the whole history) or only events published from now on
     */
    public void follow(String group, boolean fromBeginning, Consumer<ReceivedEvent> handler) {
        try (KafkaConsumer<String, String> consumer = consumer(group, fromBeginning)) {
            following.add(consumer);
            try {
                consumer.subscribe(OUTBOUND_TOPICS);
                SeenIds seen = new SeenIds(SEEN_IDS);
                while (!closed) {
                    ConsumerRecords<String, String> records = consumer.poll(POLL);
                    for (ConsumerRecord<String, String> record : records) {
                        ReceivedEvent event = ReceivedEvent.of(record);
                        // an event without ce_id breaks the contract; it is handed on rather than hidden
                        if (event.id() == null || seen.add(event.id())) {
                            handler.accept(event);
                        }
                    }
                    if (!records.isEmpty()) {
                        consumer.commitSync();
                    }
                }
            } catch (WakeupException e) {
                if (!closed) {
                    throw e;
                }
            } finally {
                following.remove(consumer);
            }
        }
    }

    /**
     * Sends a complaint as a binary-mode CloudEvent keyed by product and waits until Kafka acknowledged it
     * (at most 30 s).
     */
    public RecordMetadata sendComplaint(Complaint complaint) {
        ProducerRecord<String, String> record =
                new ProducerRecord<>(Topics.PMS_COMPLAINTS, complaint.productId(), json(complaint));
        Map.of(
                        "ce_specversion",
                        "1.0",
                        "ce_id",
                        complaint.complaintId(),
                        "ce_type",
                        COMPLAINT_TYPE,
                        "ce_source",
                        SOURCE,
                        "ce_subject",
                        complaint.productId(),
                        "ce_time",
                        clock.instant().toString(),
                        "content-type",
                        "application/json")
                .forEach((name, value) ->
                        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8))));
        try {
            return producer().send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while sending complaint " + complaint.complaintId(), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "Kafka did not take complaint " + complaint.complaintId() + ": "
                            + e.getCause().getMessage(),
                    e.getCause());
        }
    }

    /** Ends every follow of this client (each commits nothing more) and closes the producer. */
    @Override
    public void close() {
        closed = true;
        following.forEach(KafkaConsumer::wakeup);
        synchronized (this) {
            if (producer != null) {
                producer.close();
            }
        }
    }

    private KafkaConsumer<String, String> consumer(String group, boolean fromBeginning) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, fromBeginning ? "earliest" : "latest");
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    private synchronized KafkaProducer<String, String> producer() {
        if (closed) {
            throw new IllegalStateException("The PMS client is closed");
        }
        if (producer == null) {
            Properties config = new Properties();
            config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) SEND_TIMEOUT.toMillis());
            config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) SEND_TIMEOUT.toMillis());
            config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) SEND_TIMEOUT.toMillis() / 3);
            producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
        }
        return producer;
    }

    private static String json(Complaint complaint) {
        try {
            return JSON.writeValueAsString(complaint);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A complaint always serialises", e);
        }
    }
}
