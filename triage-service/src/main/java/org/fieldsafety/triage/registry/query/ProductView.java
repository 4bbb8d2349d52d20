package org.fieldsafety.triage.registry.query;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import org.fieldsafety.triage.classification.ProductEntry;

/** A product's current registry entry with its version and who changed it when. */
public record ProductView(
        String productId, int version, String changedBy, Instant changedAt, @JsonUnwrapped ProductEntry entry) {}
