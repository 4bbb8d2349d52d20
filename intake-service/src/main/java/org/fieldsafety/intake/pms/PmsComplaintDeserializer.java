package org.fieldsafety.intake.pms;

import io.quarkus.kafka.client.serialization.ObjectMapperDeserializer;

/** Reads a PMS complaint from its JSON message value. */
public class PmsComplaintDeserializer extends ObjectMapperDeserializer<PmsComplaint> {

    public PmsComplaintDeserializer() {
        super(PmsComplaint.class);
    }
}
