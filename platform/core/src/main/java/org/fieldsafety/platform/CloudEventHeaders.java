package org.fieldsafety.platform;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Reading CloudEvents in binary mode from Kafka headers. A topic carries several event types, so a
 * consumer picks what it handles by {@code ce_type}, never by the payload's shape.
 */
public final class CloudEventHeaders {

    private CloudEventHeaders() {}

    /** The record's {@code ce_type}, or null when it has none. */
    public static String type(Headers headers) {
        return header(headers, "ce_type");
    }

    /** The record's {@code ce_id}, which its producer keeps when it publishes the event again, or null. */
    public static String id(Headers headers) {
        return header(headers, "ce_id");
    }

    private static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
