package org.fieldsafety.fsca.vigilance.periodic.query;

import jakarta.inject.Singleton;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.fieldsafety.eventstore.readmodel.Projections;
import org.fieldsafety.fsca.vigilance.periodic.AgreementEvent.AgreementEnded;
import org.fieldsafety.fsca.vigilance.periodic.AgreementEvent.AgreementRecorded;
import org.fieldsafety.fsca.vigilance.periodic.AgreementTerms;

/** Keeps {@link PeriodicSummaryAgreementView} from the agreements' events (see {@link Projections}). */
@Singleton
@ProcessingGroup(PeriodicSummaryAgreementProjection.PROCESSING_GROUP)
public class PeriodicSummaryAgreementProjection {

    public static final String PROCESSING_GROUP = "periodic-summary-agreement-view";

    @EventHandler
    void on(AgreementRecorded event, @SequenceNumber long sequence) {
        Projections.insert(PeriodicSummaryAgreementView.class, event.agreementId(), sequence, () -> {
            AgreementTerms terms = event.terms();
            PeriodicSummaryAgreementView view = new PeriodicSummaryAgreementView();
            view.agreementId = event.agreementId();
            view.regime = terms.regime();
            view.productId = terms.productId();
            view.problemId = terms.problemId();
            view.frequency = terms.frequency();
            view.firstPeriodStart = terms.firstPeriodStart();
            view.competentAuthority = terms.competentAuthority();
            view.authorityReference = terms.authorityReference();
            view.agreedAt = terms.agreedAt();
            view.details.deviceProblems = terms.deviceProblems();
            view.details.signature = event.signature();
            return view;
        });
    }

    @EventHandler
    void on(AgreementEnded event, @SequenceNumber long sequence) {
        Projections.update(PeriodicSummaryAgreementView.class, event.agreementId(), sequence, view -> {
            view.details = view.details.copy();
            view.endedAt = event.endedAt();
            view.details.endReason = event.reason();
            view.details.endSignature = event.signature();
        });
    }
}
