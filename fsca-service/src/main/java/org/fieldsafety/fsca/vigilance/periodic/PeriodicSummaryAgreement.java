package org.fieldsafety.fsca.vigilance.periodic;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.fieldsafety.fsca.vigilance.periodic.AgreementCommand.EndAgreement;
import org.fieldsafety.fsca.vigilance.periodic.AgreementCommand.RecordAgreement;
import org.fieldsafety.fsca.vigilance.periodic.AgreementEvent.AgreementEnded;
import org.fieldsafety.fsca.vigilance.periodic.AgreementEvent.AgreementRecorded;
import org.fieldsafety.platform.domain.InvalidInput;
import org.fieldsafety.platform.domain.RuleViolation;
import org.fieldsafety.platform.signature.Signature;
import org.fieldsafety.platform.signature.SignatureMeaning;

/**
 * A periodic summary reporting agreement with the coordinating competent authority (MDR Art. 87(9); MDCG
 * 2023-3): recorded once, approved by regulatory affairs (21 CFR 11.50(a)(3)), for the EU MDR, with a
 * frequency the reporting periods follow; ended once, not before it began nor in the future. Command
 * handlers check the rules and apply events; event-sourcing handlers only set state.
 */
public class PeriodicSummaryAgreement {

    @AggregateIdentifier
    private String agreementId;

    private AgreementTerms terms;
    private Instant endedAt;

    PeriodicSummaryAgreement() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    void handle(RecordAgreement command) {
        requireApproval(command.signature());
        AgreementTerms recorded = command.terms();
        PeriodicSummaryRule.requireRegime(recorded.regime());
        PeriodicSummaryRule.frequency(recorded.frequency());
        if (recorded.agreedAt().isAfter(command.recordedAt())) {
            throw new InvalidInput(
                    "agreed-in-future",
                    "an agreement is recorded once it was reached, so not later than now (" + command.recordedAt()
                            + ")");
        }
        apply(new AgreementRecorded(command.agreementId(), recorded, command.signature()));
    }

    @CommandHandler
    void handle(EndAgreement command) {
        requireApproval(command.signature());
        if (endedAt != null) {
            throw new RuleViolation("agreement-ended", "MDR Art. 87(9)", "the agreement already ended at " + endedAt);
        }
        if (command.endedAt().isAfter(command.recordedAt())) {
            throw new InvalidInput(
                    "ended-in-future",
                    "an agreement is ended once it ended, so not later than now (" + command.recordedAt() + ")");
        }
        if (command.endedAt().isBefore(terms.agreedAt())) {
            throw new InvalidInput(
                    "ended-before-agreed", "the agreement cannot end before it was agreed (" + terms.agreedAt() + ")");
        }
        apply(new AgreementEnded(agreementId, command.endedAt(), command.reason(), command.signature()));
    }

    private static void requireApproval(Signature signature) {
        if (signature == null || signature.meaning() != SignatureMeaning.APPROVAL) {
            throw new InvalidInput(
                    "signature-meaning",
                    "21 CFR 11.50(a)(3)",
                    "a periodic summary reporting agreement is signed with the meaning APPROVAL"
                            + (signature == null ? "" : ", not " + signature.meaning()));
        }
    }

    @EventSourcingHandler
    void on(AgreementRecorded event) {
        agreementId = event.agreementId();
        terms = event.terms();
    }

    @EventSourcingHandler
    void on(AgreementEnded event) {
        endedAt = event.endedAt();
    }
}
