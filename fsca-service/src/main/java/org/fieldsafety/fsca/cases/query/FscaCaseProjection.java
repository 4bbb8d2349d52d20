package org.fieldsafety.fsca.cases.query;

import jakarta.inject.Singleton;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.fieldsafety.eventstore.readmodel.Projections;
import org.fieldsafety.fsca.cases.CaseStatus;
import org.fieldsafety.fsca.cases.FscaCaseEvent.FscaCaseOpened;
import org.fieldsafety.fsca.cases.FscaCaseEvent.FscaDecided;
import org.fieldsafety.fsca.cases.FscaCaseEvent.IncidentAttached;

/** Keeps {@link FscaCaseView} from the case events (see {@link Projections}). */
@Singleton
@ProcessingGroup(FscaCaseProjection.PROCESSING_GROUP)
public class FscaCaseProjection {

    public static final String PROCESSING_GROUP = "fsca-case-view";

    @EventHandler
    void on(FscaCaseOpened event, @SequenceNumber long sequence) {
        Projections.insert(FscaCaseView.class, event.caseId(), sequence, () -> {
            FscaCaseView view = new FscaCaseView();
            view.caseId = event.caseId();
            view.problemId = event.problemId();
            view.productId = event.productId();
            view.status = CaseStatus.OPEN;
            view.openedAt = event.openedAt();
            return view;
        });
    }

    @EventHandler
    void on(IncidentAttached event, @SequenceNumber long sequence) {
        Projections.update(FscaCaseView.class, event.caseId(), sequence, view -> view.attach(event.incident()));
    }

    @EventHandler
    void on(FscaDecided event, @SequenceNumber long sequence) {
        Projections.update(
                FscaCaseView.class,
                event.caseId(),
                sequence,
                view -> view.decide(new FscaCaseView.Decision(
                        event.decision(),
                        event.action(),
                        event.rationale(),
                        event.signature(),
                        event.signedVersion())));
    }
}
