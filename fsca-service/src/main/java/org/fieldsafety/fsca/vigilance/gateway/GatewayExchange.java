package org.fieldsafety.fsca.vigilance.gateway;

import io.quarkus.scheduler.Scheduled;
import jakarta.inject.Singleton;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.fieldsafety.eventstore.audit.AuditedCommands;
import org.fieldsafety.fsca.vigilance.VigilanceReportEvent.VigilanceReportSubmitted;
import org.fieldsafety.fsca.vigilance.VigilanceReportService;
import org.fieldsafety.fsca.vigilance.render.VigilanceDocuments;
import org.fieldsafety.platform.domain.DomainException;
import org.jboss.logging.Logger;

/**
 * Connects the reports to the {@link SubmissionGateway}: every submitted report's file goes out, from the
 * event store as the outbox (a tracking processor, so a file is written once the submission committed, and
 * again after a replay, to the same name); the authorities' acknowledgements are read back on a schedule and
 * applied as regulatory affairs' would be, each settled as applied or, with the reason, as failed.
 */
@Singleton
@ProcessingGroup(GatewayExchange.PROCESSING_GROUP)
public class GatewayExchange {

    public static final String PROCESSING_GROUP = "vigilance-gateway";
    private static final Logger LOG = Logger.getLogger(GatewayExchange.class);

    private final SubmissionGateway gateway;
    private final VigilanceReportService reports;

    GatewayExchange(SubmissionGateway gateway, VigilanceReportService reports) {
        this.gateway = gateway;
        this.reports = reports;
    }

    /**
     * The file as submitted, rendered again from the frozen document: a submission file (XML) is the same
     * byte for byte, checked against the SHA-256 its submission recorded.
     */
    @EventHandler
    void on(VigilanceReportSubmitted event) {
        VigilanceDocuments.Rendition file = reports.submissionFile(event.document());
        boolean xml = file.mediaType().equals("application/xml");
        if (xml && !VigilanceReportService.sha256(file.content()).equals(event.sha256())) {
            throw new IllegalStateException("the submission file of vigilance report " + event.reportId()
                    + " no longer renders as it was submitted (SHA-256 " + event.sha256() + ")");
        }
        gateway.send(new SubmissionGateway.OutgoingFile(
                event.reportId(),
                event.duty().kind().name(),
                event.signedVersion(),
                xml ? "xml" : "pdf",
                file.content()));
    }

    @Scheduled(
            every = "{fieldsafety.vigilance.gateway.poll-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        gateway.answers().forEach(this::apply);
    }

    private void apply(SubmissionGateway.Answer answer) {
        if (answer.reportId() == null) {
            gateway.settle(answer, "not an acknowledgement: a JSON object with reportId and accepted is expected");
            return;
        }
        try {
            reports.acknowledge(
                    answer.reportId(),
                    answer.accepted(),
                    answer.authorityReference(),
                    answer.reason(),
                    AuditedCommands.SYSTEM,
                    null);
            gateway.settle(answer, null);
        } catch (DomainException e) {
            LOG.warnf("acknowledgement %s not applied: %s", answer.source(), e.getMessage());
            gateway.settle(answer, e.getMessage());
        }
    }
}
