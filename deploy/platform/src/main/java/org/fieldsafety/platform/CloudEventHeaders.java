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
        Header type = headers.lastHeader("ce_type");
        return type == null ? null : new String(type.value(), StandardCharsets.UTF_8);
    }
}
