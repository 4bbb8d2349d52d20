package org.fieldsafety.fsca.vigilance.periodic;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.fieldsafety.platform.signature.Signature;

/**
 * What happened to a {@link PeriodicSummaryAgreement}: its event history is its audit trail. Class names are
 * a stored contract (rename only with an upcaster); fields are only added.
 */
public sealed interface AgreementEvent {

    String agreementId();

    @Revision("1")
    record AgreementRecorded(String agreementId, AgreementTerms terms, Signature signature) implements AgreementEvent {}

    @Revision("1")
    record AgreementEnded(String agreementId, Instant endedAt, String reason, Signature signature)
            implements AgreementEvent {}
}
