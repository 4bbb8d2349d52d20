package org.fieldsafety.fsca.cases;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.fieldsafety.platform.signature.Signature;

/** What can be asked of an {@link FscaCase}. */
public sealed interface FscaCaseCommand {

    /** Attach a triaged FSCA candidate to its problem's case, opening the case first if there is none. */
    record RecordIncident(
            @TargetAggregateIdentifier String caseId,
            String problemId,
            String productId,
            Incident incident,
            Instant recordedAt)
            implements FscaCaseCommand {}

    /** Take the signed field-safety decision. */
    record DecideFsca(
            @TargetAggregateIdentifier String caseId,
            FscaDecision decision,
            FscaAction action,
            String rationale,
            Signature signature)
            implements FscaCaseCommand {}
}
