package org.fieldsafety.changecontrol.problem.messaging;

import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.mapping;
import static java.util.stream.Collectors.toList;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.fieldsafety.changecontrol.Channels;
import org.fieldsafety.changecontrol.problem.Criticality;
import org.fieldsafety.changecontrol.problem.FieldReport;
import org.fieldsafety.changecontrol.problem.ProblemReportCommand.OpenProblemReport;
import org.fieldsafety.changecontrol.problem.ProblemReportCommand.RecordRecurrences;
import org.fieldsafety.changecontrol.problem.ProblemReports;
import org.fieldsafety.changecontrol.problem.query.FieldReportView;
import org.fieldsafety.contracts.ProblemDetected;
import org.fieldsafety.contracts.ReportTriaged;
import org.fieldsafety.eventstore.Conflicts;
import org.fieldsafety.eventstore.audit.AuditedCommands;
import org.fieldsafety.platform.messaging.BatchConsumer;
import org.fieldsafety.platform.messaging.IncomingEvent;
import org.fieldsafety.platform.messaging.Unprocessable;
import org.fieldsafety.platform.telemetry.LogContext;

/**
 * Follows triage's topic, which carries several event types told apart by the CloudEvent type: a
 * {@link ProblemDetected} opens the problem's one report (IEC 62304 9.1), a {@link ReportTriaged} joins
 * its problem's field reports and reopens the problem report when it shows the problem recurring on the
 * fix (9.7); anything else is not for this service (a tolerant reader: skipped whatever its shape).
 * Follow-up information on an earlier report (its {@code originalReportId} is another report) tells of
 * an event already counted: it is not another field report, so it neither counts twice nor shows a
 * recurrence of an event that happened before the fix. A report without a software version is kept as
 * one of an unnamed version.
 *
 * <p>In batches, because one transaction and one command per report made change control the slowest stage
 * under load: the batch's problems are opened first, in the order published; then its field reports are
 * stored in one transaction, and only then does each problem report judge, in one command, whether the
 * batch's reports of its problem show a recurrence. The reports are stored first, so a verification or
 * closure that read the facts before they were stored meets their recurrence in the aggregate. A
 * ProblemDetected or ReportTriaged that cannot be read, or lacks what this needs, goes alone to
 * {@code fieldsafety.triage.v1.dlq} with the reason, and the rest of the batch goes on ({@link
 * BatchConsumer}).
 *
 * <p>At least once: the batch is acknowledged after all of it is done. A redelivered batch changes
 * nothing: the report's id follows from the problem id, a field report is kept once per report id, and a
 * recurrence reopens only a verified or closed report. A command that raced a user's step on the same
 * report is sent again ({@link Conflicts}); a database that is down or restarting holds the batch back,
 * retried until it passes. Axon is blocking, hence a worker thread.
 */
@ApplicationScoped
public class TriageConsumer {

    private final AuditedCommands commands;
    private final Clock clock;
    private final BatchConsumer<Object> consumer;

    TriageConsumer(
            AuditedCommands commands,
            Clock clock,
            @Channel(Channels.TRIAGE_DLQ) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024)
                    MutinyEmitter<String> deadLetters) {
        this.commands = commands;
        this.clock = clock;
        this.consumer = new BatchConsumer<>(
                deadLetters,
                TriageConsumer::read,
                BatchConsumer.Work.blocking(events -> handle(
                        events.stream()
                                .filter(ProblemDetected.class::isInstance)
                                .map(ProblemDetected.class::cast)
                                .toList(),
                        events.stream()
                                .filter(ReportTriaged.class::isInstance)
                                .map(ReportTriaged.class::cast)
                                .toList())));
    }

    @Incoming(Channels.TRIAGE_IN)
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        return consumer.consume(batch);
    }

    /**
     * A ProblemDetected, a ReportTriaged of a problem, or null for any other record.
     *
     * @throws Unprocessable naming what is wrong: the dead-letter reason; a report of a problem without the
     *     columns of its field report would fail the batch's insert
     */
    private static Object read(IncomingEvent event) {
        if (event.is(ProblemDetected.TYPE)) {
            ProblemDetected problem = event.as(ProblemDetected.class, ProblemDetected.TYPE);
            if (problem.problemId() == null || isBlank(problem.productId())) {
                throw new Unprocessable(ProblemDetected.TYPE + " without problemId or productId");
            }
            return problem;
        }
        if (event.is(ReportTriaged.TYPE)) {
            ReportTriaged report = event.as(ReportTriaged.class, ReportTriaged.TYPE);
            LogContext.put(LogContext.REPORT_ID, report.reportId());
            if (report.problemId() == null || isFollowUp(report)) {
                return null;
            }
            if (report.reportId() == null || report.productId() == null || report.triagedAt() == null) {
                throw new Unprocessable(ReportTriaged.TYPE + " without reportId, productId or triagedAt");
            }
            return report;
        }
        return null;
    }

    private void handle(List<ProblemDetected> problems, List<ReportTriaged> reports) {
        problems.forEach(this::open);
        if (!reports.isEmpty()) {
            store(reports);
            recordRecurrences(reports);
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
        Conflicts.retry(() -> commands.send(command, AuditedCommands.SYSTEM));
    }

    /** What triage knows of the problem; a complaint may name neither fault code nor software item. */
    private static String description(ProblemDetected problem) {
        String fault = problem.faultCode() == null ? "Reported problem" : "Fault " + problem.faultCode();
        String item = problem.softwareItem() == null
                ? " (software item not yet identified)"
                : " in " + problem.softwareItem();
        return fault + item + ", first report " + problem.firstReportId();
    }

    /** The batch's reports among their problems' field reports (the facts of IEC 62304 9.7), in one transaction. */
    private static void store(List<ReportTriaged> reports) {
        try {
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> FieldReportView.record(reports)));
        } catch (Throwable e) {
            throw new IllegalStateException("Recording " + reports.size() + " field reports failed", e);
        }
    }

    /**
     * One command per problem report, with the batch's reports of its problem in the order published, all in
     * one transaction: most of them change nothing (only a verified or closed report reopens), and one
     * transaction each was a commit per report under load. A problem without a problem report (its
     * ProblemDetected dead-lettered) fails that transaction; the commands then go one at a time, that one
     * skipped.
     */
    private void recordRecurrences(List<ReportTriaged> reports) {
        List<RecordRecurrences> recurrences = reports.stream()
                .collect(groupingBy(
                        ReportTriaged::problemId,
                        LinkedHashMap::new,
                        mapping(
                                report -> new FieldReport(
                                        report.reportId(), report.softwareVersion(), report.triagedAt()),
                                toList())))
                .entrySet()
                .stream()
                .map(problem ->
                        new RecordRecurrences(ProblemReports.idForProblem(problem.getKey()), problem.getValue()))
                .toList();
        try {
            Conflicts.retry(() -> commands.sendAll(recurrences, AuditedCommands.SYSTEM));
        } catch (AggregateNotFoundException e) {
            recurrences.forEach(command -> {
                try {
                    Conflicts.retry(() -> commands.send(command, AuditedCommands.SYSTEM));
                } catch (AggregateNotFoundException missing) {
                    // no problem report for this problem: nothing to reopen
                }
            });
        }
    }

    private static boolean isFollowUp(ReportTriaged report) {
        return report.originalReportId() != null && !report.originalReportId().equals(report.reportId());
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
