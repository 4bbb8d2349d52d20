package org.fieldsafety.intake.report.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.fieldsafety.contracts.FieldReportReceived;
import org.fieldsafety.contracts.Topics;
import org.fieldsafety.intake.IntakeConfig;
import org.fieldsafety.platform.domain.Unavailable;
import org.fieldsafety.platform.messaging.CloudEvents;
import org.fieldsafety.platform.telemetry.Meter;
import org.jboss.logging.Logger;

/**
 * Publishes accepted reports to {@code fieldsafety.reports.v1}, keyed by product and fault code
 * ({@link Topics#reportKey}: a problem's reports in one partition), as CloudEvents whose id
 * is the report id and whose time is the report's {@code receivedAt}: both the same when a retried
 * Idempotency-Key or a redelivered PMS complaint publishes the report again. The returned {@code Uni} completes only when Kafka acknowledged (acks=all); if Kafka
 * cannot take the report within {@code intake.publish-timeout} it fails with a 503 problem.
 */
@ApplicationScoped
public class ReportPublisher {

    public static final String CHANNEL = "reports-out";
    private static final CloudEvents EVENTS = CloudEvents.from("/intake-service");

    private static final Logger LOG = Logger.getLogger(ReportPublisher.class);

    private final MutinyEmitter<FieldReportReceived> emitter;
    private final IntakeConfig config;
    private final Timer publishTime;

    /**
     * Reports wait in the emitter's buffer while the Kafka sink has its maximum of messages in flight
     * (1,024): the default buffer of 128 answered 503 to reports Kafka would have taken within a second,
     * under 32 clients sending batches of 100. 16,384 holds 32 full batches of 500; past that, or past
     * {@code intake.publish-timeout}, the client gets a 503 with Retry-After.
     */
    ReportPublisher(
            @Channel(CHANNEL) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 16_384)
                    MutinyEmitter<FieldReportReceived> emitter,
            IntakeConfig config,
            MeterRegistry registry) {
        this.emitter = emitter;
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
        List<Uni<Void>> sends = reports.stream().map(this::send).toList();
        return Uni.join()
                .all(sends)
                .andFailFast()
                .ifNoItem()
                .after(config.publishTimeout())
                .fail()
                .onFailure()
                .transform(ReportPublisher::unavailable)
                .invoke(() -> sample.stop(publishTime))
                .replaceWithVoid();
    }

    private Uni<Void> send(FieldReportReceived report) {
        return emitter.sendMessage(EVENTS.message(
                FieldReportReceived.TYPE,
                report.reportId(),
                Topics.reportKey(report.productId(), report.faultCode()),
                report.receivedAt(),
                report));
    }

    private static Unavailable unavailable(Throwable cause) {
        LOG.warnf("Kafka did not acknowledge a report: %s", cause.toString());
        return new Unavailable(
                "kafka-unavailable", "The report could not be stored now; nothing was accepted, retry later");
    }
}
