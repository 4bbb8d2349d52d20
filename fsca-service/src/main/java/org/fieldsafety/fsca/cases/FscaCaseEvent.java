package org.fieldsafety.fsca.cases;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;
import org.fieldsafety.platform.signature.Signature;

/**
 * What happened to an {@link FscaCase}: its event history is its audit trail. Class names are a stored
 * contract: rename only with an upcaster.
 */
public sealed interface FscaCaseEvent {

    String caseId();

    @Revision("1")
    record FscaCaseOpened(String caseId, String problemId, String productId, Instant openedAt)
            implements FscaCaseEvent {}

    @Revision("1")
    record IncidentAttached(String caseId, Incident incident) implements FscaCaseEvent {}

    /** {@code signedVersion} binds the signature to the case version it was given on (21 CFR 11.70). */
    @Revision("1")
    record FscaDecided(
            String caseId,
            String problemId,
            String productId,
            List<String> softwareItems,
            FscaDecision decision,
            FscaAction action,
            String rationale,
            Signature signature,
            long signedVersion)
            implements FscaCaseEvent {}
}
