package org.fieldsafety.intake.report;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.fieldsafety.contracts.FieldReportReceived;
import org.fieldsafety.intake.ApiKeyClient;
import org.fieldsafety.intake.report.messaging.ReportPublisher;
import org.fieldsafety.platform.domain.NotPermitted;
import org.fieldsafety.platform.telemetry.LogContext;
import org.fieldsafety.platform.telemetry.Meter;

/**
 * Accepts field reports from machine clients: a report is accepted only once Kafka acknowledged it; its
 * {@code receivedAt} is the manufacturer's awareness unless the reporter gives an earlier {@code awareAt}
 * (MDR Art. 87, 21 CFR 803.3), and a retry with the same {@code Idempotency-Key} keeps the first attempt's.
 */
@ApplicationScoped
public class ReportIntake {

    private final ReportPublisher publisher;
    private final ReportRateLimit rateLimit;
    private final FirstReceipts firstReceipts;
    private final Clock clock;
    private final MeterRegistry registry;

    ReportIntake(
            ReportPublisher publisher,
            ReportRateLimit rateLimit,
            FirstReceipts firstReceipts,
            Clock clock,
            MeterRegistry registry) {
        this.publisher = publisher;
        this.rateLimit = rateLimit;
        this.firstReceipts = firstReceipts;
        this.clock = clock;
        this.registry = registry;
    }

    /** One report; its id follows from the client and {@code idempotencyKey} (random without one). */
    public Uni<FieldReportReceived> report(ApiKeyClient client, FieldReportRequest request, String idempotencyKey) {
        return accept(client, List.of(request), List.of(ReportIds.of(client.name(), idempotencyKey)), idempotencyKey)
                .map(reports -> reports.get(0));
    }

    /**
     * A batch, accepted whole or not at all; report {@code i}'s id follows from the client and {@code
     * idempotencyKey#i}, and all share the awareness time stored under the first's.
     */
    public Uni<List<FieldReportReceived>> batch(
            ApiKeyClient client, List<FieldReportRequest> requests, String idempotencyKey) {
        List<String> reportIds = IntStream.range(0, requests.size())
                .mapToObj(i -> ReportIds.of(client.name(), idempotencyKey == null ? null : idempotencyKey + "#" + i))
                .toList();
        return accept(client, requests, reportIds, idempotencyKey);
    }

    private Uni<List<FieldReportReceived>> accept(
            ApiKeyClient client, List<FieldReportRequest> requests, List<String> reportIds, String idempotencyKey) {
        // the request's logging context: a batch's lines name all its reports
        LogContext.put(LogContext.REPORT_ID, String.join(",", reportIds));
        authorize(client, requests);
        return receivedAt(reportIds.get(0), idempotencyKey).chain(receivedAt -> {
            List<FieldReportReceived> reports = IntStream.range(0, reportIds.size())
                    .mapToObj(i -> requests.get(i).received(reportIds.get(i), client.name(), receivedAt))
                    .toList();
            return publisher
                    .publishAll(reports)
                    .invoke(() -> countAccepted(reports))
                    .replaceWith(reports);
        });
    }

    /**
     * Now, or for a request with an {@code Idempotency-Key} the time its first attempt arrived (a batch's
     * is stored under its first report's id), so a retry keeps the awareness time.
     */
    private Uni<Instant> receivedAt(String reportId, String idempotencyKey) {
        Instant now = clock.instant();
        return idempotencyKey == null ? Uni.createFrom().item(now) : firstReceipts.first(reportId, now);
    }

    /** Whether the client's key may report for every product of the requests, and it is within its rate. */
    private void authorize(ApiKeyClient client, List<FieldReportRequest> requests) {
        requests.stream()
                .map(FieldReportRequest::productId)
                .filter(productId -> !client.mayReportFor(productId))
                .findFirst()
                .ifPresent(productId -> {
                    throw new NotPermitted(
                            "product-not-allowed", "This API key may not report for product " + productId);
                });
        rateLimit.acquire(client.keyId(), client.rateLimit(), requests.size());
    }

    private void countAccepted(List<FieldReportReceived> reports) {
        reports.forEach(report -> registry.counter(
                        Meter.REPORTS_ACCEPTED.meterName(),
                        "source",
                        report.source().name())
                .increment());
    }
}
