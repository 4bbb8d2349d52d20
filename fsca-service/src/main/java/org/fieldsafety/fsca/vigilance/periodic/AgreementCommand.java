package org.fieldsafety.fsca.vigilance.periodic;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.fieldsafety.platform.signature.Signature;

/** What can be asked of a {@link PeriodicSummaryAgreement}. */
public sealed interface AgreementCommand {

    String agreementId();

    /** Record an agreement reached with the coordinating competent authority, approved by regulatory affairs. */
    record RecordAgreement(
            @TargetAggregateIdentifier String agreementId,
            AgreementTerms terms,
            Signature signature,
            Instant recordedAt)
            implements AgreementCommand {}

    /** End the agreement at {@code endedAt} (not later than {@code recordedAt}), approved by regulatory affairs. */
    record EndAgreement(
            @TargetAggregateIdentifier String agreementId,
            Instant endedAt,
            String reason,
            Signature signature,
            Instant recordedAt)
            implements AgreementCommand {}
}
