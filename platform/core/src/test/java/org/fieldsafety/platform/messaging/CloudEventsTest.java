package org.fieldsafety.platform.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;

class CloudEventsTest {

    private static final Instant TIME = Instant.parse("2026-11-20T10:15:00.123456Z");

    @Test
    void aMessageCarriesEveryCloudEventAttributeAndTheKey() {
        Message<String> message =
                CloudEvents.from("/triage-service").message("org.fieldsafety.X.v1", "id-1", "PUMP", TIME, "data");

        OutgoingCloudEventMetadata<?> event =
                message.getMetadata(OutgoingCloudEventMetadata.class).orElseThrow();
        assertEquals("id-1", event.getId());
        assertEquals("org.fieldsafety.X.v1", event.getType());
        assertEquals(URI.create("/triage-service"), event.getSource());
        assertEquals(Optional.of("PUMP"), event.getSubject());
        assertEquals(TIME, event.getTimeStamp().orElseThrow().toInstant());
        assertEquals(Optional.of("application/json"), event.getDataContentType());
        assertEquals(
                "PUMP",
                message.getMetadata(OutgoingKafkaRecordMetadata.class)
                        .orElseThrow()
                        .getKey());
        assertEquals("data", message.getPayload());
    }

    @Test
    void anEventWithoutItsIdKeyOrTimeIsRefused() {
        CloudEvents events = CloudEvents.from("/intake-service");

        assertThrows(NullPointerException.class, () -> events.message("t", null, "k", TIME, "d"));
        assertThrows(NullPointerException.class, () -> events.message("t", "i", null, TIME, "d"));
        assertThrows(NullPointerException.class, () -> events.message("t", "i", "k", null, "d"));
    }
}
