package org.fieldsafety.fsca.vigilance.query;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.fieldsafety.eventstore.readmodel.Projections;
import org.fieldsafety.fsca.vigilance.VigilanceReportEvent;
import org.fieldsafety.fsca.vigilance.VigilanceReportEvent.DraftCompleted;
import org.fieldsafety.fsca.vigilance.VigilanceReportEvent.DraftGenerated;
import org.fieldsafety.fsca.vigilance.VigilanceReportEvent.DraftWithdrawn;
import org.fieldsafety.fsca.vigilance.VigilanceReportEvent.IncidentListed;
import org.fieldsafety.fsca.vigilance.VigilanceReportEvent.VigilanceReportAcknowledged;
import org.fieldsafety.fsca.vigilance.VigilanceReportEvent.VigilanceReportRejected;
import org.fieldsafety.fsca.vigilance.VigilanceReportEvent.VigilanceReportSubmitted;
import org.fieldsafety.fsca.vigilance.VigilanceReportStatus;

/** Keeps {@link VigilanceReportView} from the reports' events (see {@link Projections}). */
@Singleton
@ProcessingGroup(VigilanceReportProjection.PROCESSING_GROUP)
public class VigilanceReportProjection {

    public static final String PROCESSING_GROUP = "vigilance-report-view";

    /** The first draft creates the row; a draft made again (a new duty, a resubmission) updates it. */
    @EventHandler
    void on(DraftGenerated event, @SequenceNumber long sequence, @Timestamp Instant at) {
        if (sequence == 0) {
            Projections.insert(VigilanceReportView.class, event.reportId(), sequence, () -> {
                VigilanceReportView view = new VigilanceReportView();
                view.reportId = event.reportId();
                view.set(event.duty());
                view.status = VigilanceReportStatus.DRAFT;
                view.updatedAt = at;
                return view;
            });
        } else {
            update(event, sequence, at, view -> {
                view.set(event.duty());
                view.status = VigilanceReportStatus.DRAFT;
                view.details.withdrawal = null;
            });
        }
    }

    @EventHandler
    void on(IncidentListed event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event, sequence, at, view -> {
            view.details.summary = event.period();
            view.details.listed.add(event.incident());
        });
    }

    @EventHandler
    void on(DraftWithdrawn event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event, sequence, at, view -> {
            view.status = VigilanceReportStatus.WITHDRAWN;
            view.details.withdrawal = event.reason();
        });
    }

    @EventHandler
    void on(DraftCompleted event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event, sequence, at, view -> view.details.content = event.content());
    }

    @EventHandler
    void on(VigilanceReportSubmitted event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event, sequence, at, view -> {
            view.status = VigilanceReportStatus.SUBMITTED;
            view.details.submission = new VigilanceReportView.Submission(
                    event.reference(),
                    event.submittedAt(),
                    event.late(),
                    event.document(),
                    event.fileName(),
                    event.sha256(),
                    event.signature());
            view.details.answer = null;
        });
    }

    @EventHandler
    void on(VigilanceReportAcknowledged event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event, sequence, at, view -> {
            view.status = VigilanceReportStatus.ACKNOWLEDGED;
            view.details.answer =
                    new VigilanceReportView.Answer(true, event.authorityReference(), null, event.acknowledgedAt());
        });
    }

    @EventHandler
    void on(VigilanceReportRejected event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event, sequence, at, view -> {
            view.status = VigilanceReportStatus.REJECTED;
            view.details.answer = new VigilanceReportView.Answer(false, null, event.reason(), event.rejectedAt());
        });
    }

    private static void update(
            VigilanceReportEvent event, long sequence, Instant at, Consumer<VigilanceReportView> change) {
        Projections.update(VigilanceReportView.class, event.reportId(), sequence, view -> {
            view.details = view.details.copy();
            change.accept(view);
            view.updatedAt = at;
        });
    }
}
