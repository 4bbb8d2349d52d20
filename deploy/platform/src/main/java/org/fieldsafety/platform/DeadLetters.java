package org.fieldsafety.platform;

import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * The dead letter of one record of a consumed batch, for a consumer that sends it itself: in batch mode
 * the channel's dead-letter strategy can only send the whole batch. The letter is the record unchanged
 * (key, headers, text value) plus the headers the SmallRye dead-letter strategy writes: the reason and
 * where the record was.
 */
public final class DeadLetters {

    private DeadLetters() {}

    /** @param record a record of a Kafka channel whose values are read as text */
    public static Message<String> of(Message<String> record, String reason) {
        IncomingKafkaRecordMetadata<?, ?> origin = record.getMetadata(IncomingKafkaRecordMetadata.class)
                .orElseThrow(() -> new IllegalArgumentException("not a record from Kafka"));
        RecordHeaders headers = new RecordHeaders(origin.getHeaders().toArray());
        headers.add("dead-letter-reason", bytes(reason));
        headers.add("dead-letter-topic", bytes(origin.getTopic()));
        headers.add("dead-letter-partition", bytes(Integer.toString(origin.getPartition())));
        headers.add("dead-letter-offset", bytes(Long.toString(origin.getOffset())));
        return Message.of(record.getPayload() == null ? "" : record.getPayload())
                .addMetadata(OutgoingKafkaRecordMetadata.builder()
                        .withKey(origin.getKey())
                        .withHeaders(headers)
                        .build());
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
