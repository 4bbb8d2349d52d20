package org.fieldsafety.intake.report.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.fieldsafety.contracts.FieldReportReceived;
import org.fieldsafety.contracts.Topics;
import org.fieldsafety.intake.IntakeConfig;
import org.fieldsafety.platform.domain.Unavailable;
import org.fieldsafety.platform.messaging.CloudEvents;
import org.fieldsafety.platform.messaging.OutgoingChannels;
import org.fieldsafety.platform.telemetry.Meter;
import org.jboss.logging.Logger;

/**
 * Publishes accepted reports to {@code fieldsafety.reports.v1}, keyed by product and fault code
 * ({@link Topics#reportKey}: a problem's reports in one partition), as CloudEvents whose id
 * is the report id and whose time is the report's {@code receivedAt}: both the same when a retried
 * Idempotency-Key or a redelivered PMS complaint publishes the report again. The returned {@code Uni}
 * completes only when Kafka acknowledged (acks=all); if Kafka cannot take the reports within {@code
 * intake.publish-timeout} it fails with a 503 problem.
 */
@ApplicationScoped
public class ReportPublisher {

    public static final String CHANNEL = "reports-out";

    private static final Logger LOG = Logger.getLogger(ReportPublisher.class);

    private final CloudEvents events;
    private final IntakeConfig config;
    private final Timer publishTime;

    @Inject
    ReportPublisher(OutgoingChannels channels, IntakeConfig config, MeterRegistry registry) {
        this(channels.events(CHANNEL, "/intake-service"), config, registry);
    }

    ReportPublisher(CloudEvents events, IntakeConfig config, MeterRegistry registry) {
        this.events = events;
        this.config = config;
        this.publishTime = Timer.builder(Meter.REPORTS_PUBLISH.meterName())
                .description(Meter.REPORTS_PUBLISH.description())
                .register(registry);
    }

    public Uni<Void> publish(FieldReportReceived report) {
        return publishAll(List.of(report));
    }

    /** Sends every report and completes when all are acknowledged; fails if any is not. */
    public Uni<Void> publishAll(List<FieldReportReceived> reports) {
        Timer.Sample sample = Timer.start();
        return events.publish(reports.stream()
                        .map(report -> new CloudEvents.Event(
                                FieldReportReceived.TYPE,
                                report.reportId(),
                                Topics.reportKey(report.productId(), report.faultCode()),
                                report.receivedAt(),
                                report))
                        .toList())
                .ifNoItem()
                .after(config.publishTimeout())
                .fail()
                .onFailure()
                .transform(ReportPublisher::unavailable)
                .invoke(() -> sample.stop(publishTime));
    }

    private static Unavailable unavailable(Throwable cause) {
        LOG.warnf("Kafka did not acknowledge a report: %s", cause.toString());
        return new Unavailable(
                "kafka-unavailable", "The report could not be stored now; nothing was accepted, retry later");
    }
}
