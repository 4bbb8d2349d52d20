package org.fieldsafety.changecontrol.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.fieldsafety.changecontrol.problem.Criticality;
import org.fieldsafety.changecontrol.problem.FieldReport;
import org.fieldsafety.changecontrol.problem.ProblemReportCommand.OpenProblemReport;
import org.fieldsafety.changecontrol.problem.ProblemReportCommand.RecordRecurrence;
import org.fieldsafety.changecontrol.problem.ProblemReports;
import org.fieldsafety.changecontrol.problem.query.FieldReportView;
import org.fieldsafety.contracts.ProblemDetected;
import org.fieldsafety.contracts.ReportTriaged;
import org.fieldsafety.eventstore.Conflicts;
import org.fieldsafety.platform.CloudEventHeaders;

/**
 * Follows triage's topic, which carries several event types told apart by the CloudEvent type: a
 * {@link ProblemDetected} opens the problem's one report (IEC 62304 9.1), a {@link ReportTriaged} joins
 * its problem's field reports and reopens the problem report when it shows the problem recurring on the
 * fix (9.7); anything else is not for this service. At least once: the report's id follows from the
 * problem id, a field report is kept once per report id, and a recurrence reopens only a verified or closed
 * report; a command that raced a user's step on the same report is sent again ({@link Conflicts}). Axon
 * is blocking, hence a worker thread; a payload that does not parse goes to the dead letters.
 */
@ApplicationScoped
public class TriageConsumer {

    private final CommandGateway commands;
    private final ObjectMapper json;
    private final Clock clock;

    TriageConsumer(CommandGateway commands, ObjectMapper json, Clock clock) {
        this.commands = commands;
        this.json = json;
        this.clock = clock;
    }

    @Incoming(Channels.TRIAGE_IN)
    @Blocking
    public void on(ConsumerRecord<String, String> record) throws JsonProcessingException {
        String ceType = CloudEventHeaders.type(record.headers());
        if (ProblemDetected.TYPE.equals(ceType)) {
            open(json.readValue(record.value(), ProblemDetected.class));
        } else if (ReportTriaged.TYPE.equals(ceType)) {
            recur(json.readValue(record.value(), ReportTriaged.class));
        }
    }

    private void open(ProblemDetected problem) {
        OpenProblemReport command = new OpenProblemReport(
                ProblemReports.idForProblem(problem.problemId()),
                problem.problemId(),
                problem.productId(),
                problem.softwareItem(),
                problem.softwareVersion(),
                problem.faultCode(),
                description(problem),
                Criticality.fromRisk(problem.severity(), problem.riskRegion(), problem.hazard(), problem.safetyClass()),
                "triage",
                clock.instant());
        Conflicts.retry(() -> commands.sendAndWait(command));
    }

    /** What triage knows of the problem; a complaint may name neither fault code nor software item. */
    private static String description(ProblemDetected problem) {
        String fault = problem.faultCode() == null ? "Reported problem" : "Fault " + problem.faultCode();
        String item = problem.softwareItem() == null
                ? " (software item not yet identified)"
                : " in " + problem.softwareItem();
        return fault + item + ", first report " + problem.firstReportId();
    }

    /**
     * Keeps the report among its problem's field reports (the facts of IEC 62304 9.7), then lets the
     * problem report judge whether it is a recurrence. The report is stored first, so a verification or
     * closure that read the facts before it was stored meets its recurrence in the aggregate.
     */
    private void recur(ReportTriaged report) {
        if (report.problemId() == null) {
            return;
        }
        try {
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> FieldReportView.record(report)));
        } catch (Throwable e) {
            throw new IllegalStateException("Recording field report " + report.reportId() + " failed", e);
        }
        try {
            RecordRecurrence command = new RecordRecurrence(
                    ProblemReports.idForProblem(report.problemId()),
                    new FieldReport(report.reportId(), report.softwareVersion(), report.triagedAt()));
            Conflicts.retry(() -> commands.sendAndWait(command));
        } catch (AggregateNotFoundException e) {
            // no problem report for this problem (yet): nothing to reopen
        }
    }
}
