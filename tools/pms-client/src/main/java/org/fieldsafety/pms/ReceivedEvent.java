package org.fieldsafety.pms;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * One CloudEvent the PMS received (contracts/README.md, "Headers"): its attributes from the binary-mode
 * {@code ce_*} headers, where Kafka kept it, and its JSON data. Named like the CloudEvents JSON format, so
 * {@code pms follow} prints each event as a structured CloudEvent plus its Kafka position.
 *
 * @param id {@code ce_id}, the same when the event is published again: the key to deduplicate by
 * @param subject {@code ce_subject}, equal to {@code key}: the problem id on the triage topic, the FSCA case id on
 *     the fsca topic, the product id on change control's
 * @param time {@code ce_time} as sent (RFC 3339)
 * @param data the value as a JSON tree; a value that is not JSON is kept as a text node, a missing one as null
 */
@JsonPropertyOrder({"id", "type", "source", "subject", "time", "key", "topic", "partition", "offset", "data"})
public record ReceivedEvent(
        String id,
        String type,
        String source,
        String subject,
        String time,
        String key,
        String topic,
        int partition,
        long offset,
        JsonNode data) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static ReceivedEvent of(ConsumerRecord<String, String> record) {
        return new ReceivedEvent(
                header(record, "ce_id"),
                header(record, "ce_type"),
                header(record, "ce_source"),
                header(record, "ce_subject"),
                header(record, "ce_time"),
                record.key(),
                record.topic(),
                record.partition(),
                record.offset(),
                data(record.value()));
    }

    /** The event as one line of JSON. */
    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree always serialises", e);
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static JsonNode data(String value) {
        if (value == null) {
            return NullNode.getInstance();
        }
        try {
            return JSON.readTree(value);
        } catch (JsonProcessingException notJson) {
            return TextNode.valueOf(value);
        }
    }
}
