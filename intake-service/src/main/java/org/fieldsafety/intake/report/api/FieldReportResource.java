package org.fieldsafety.intake.report.api;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.fieldsafety.contracts.FieldReportReceived;
import org.fieldsafety.intake.config.IntakeConfig;
import org.fieldsafety.intake.report.FirstReceipts;
import org.fieldsafety.intake.report.ReportIds;
import org.fieldsafety.intake.report.ReportRateLimit;
import org.fieldsafety.intake.report.messaging.ReportPublisher;
import org.fieldsafety.intake.security.ApiKeyAuthenticationMechanism;
import org.fieldsafety.intake.security.ApiKeyClient;
import org.fieldsafety.platform.Roles;
import org.fieldsafety.platform.domain.NotPermitted;

/**
 * Field reports from machine clients. A report is answered 202 only once Kafka acknowledged it; its
 * {@code receivedAt} is the manufacturer's regulatory awareness time (MDR Art. 87, 21 CFR 803.50); a retry
 * with the same {@code Idempotency-Key} keeps the first attempt's.
 */
@Path("/api/v1/field-reports")
@SecurityScheme(
        securitySchemeName = "apiKey",
        type = SecuritySchemeType.APIKEY,
        apiKeyName = ApiKeyAuthenticationMechanism.HEADER,
        in = SecuritySchemeIn.HEADER)
@SecurityRequirement(name = "apiKey")
@RolesAllowed(Roles.DEVICE)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class FieldReportResource {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final ReportPublisher publisher;
    private final SecurityIdentity identity;
    private final Clock clock;
    private final IntakeConfig config;
    private final MeterRegistry registry;
    private final ReportRateLimit rateLimit;
    private final FirstReceipts firstReceipts;

    FieldReportResource(
            ReportPublisher publisher,
            ReportRateLimit rateLimit,
            FirstReceipts firstReceipts,
            SecurityIdentity identity,
            Clock clock,
            IntakeConfig config,
            MeterRegistry registry) {
        this.publisher = publisher;
        this.rateLimit = rateLimit;
        this.firstReceipts = firstReceipts;
        this.identity = identity;
        this.clock = clock;
        this.config = config;
        this.registry = registry;
    }

    @POST
    public Uni<Response> report(
            @NotNull @Valid FieldReportRequest request,
            @HeaderParam(IDEMPOTENCY_KEY) @Size(max = 200) String idempotencyKey) {
        ApiKeyClient client = authorized(List.of(request));
        String reportId = ReportIds.of(client.name(), idempotencyKey);
        return receivedAt(reportId, idempotencyKey).chain(receivedAt -> {
            FieldReportReceived report = request.received(reportId, client.name(), receivedAt);
            return publisher.publish(report).map(sent -> {
                countAccepted(List.of(report));
                return Response.accepted(new ReportAccepted(report.reportId(), report.receivedAt()))
                        .location(triageResult(report.reportId()))
                        .build();
            });
        });
    }

    /** Validates the whole batch first; 202 only when Kafka acknowledged every report. */
    @POST
    @Path("batch")
    public Uni<Response> batch(
            @NotNull @Valid BatchRequest batch, @HeaderParam(IDEMPOTENCY_KEY) @Size(max = 200) String idempotencyKey) {
        ApiKeyClient client = authorized(batch.reports());
        List<String> reportIds = IntStream.range(0, batch.reports().size())
                .mapToObj(i -> ReportIds.of(client.name(), idempotencyKey == null ? null : idempotencyKey + "#" + i))
                .toList();
        return receivedAt(reportIds.get(0), idempotencyKey).chain(receivedAt -> {
            List<FieldReportReceived> reports = IntStream.range(0, reportIds.size())
                    .mapToObj(i -> batch.reports().get(i).received(reportIds.get(i), client.name(), receivedAt))
                    .toList();
            return publisher.publishAll(reports).map(sent -> {
                countAccepted(reports);
                return Response.accepted(new BatchAccepted(reportIds)).build();
            });
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

    /** The client, if its key may report for every product of the requests and it is within its rate. */
    private ApiKeyClient authorized(List<FieldReportRequest> requests) {
        ApiKeyClient client = ApiKeyClient.of(identity);
        requests.stream()
                .map(FieldReportRequest::productId)
                .filter(productId -> !client.mayReportFor(productId))
                .findFirst()
                .ifPresent(productId -> {
                    throw new NotPermitted(
                            "product-not-allowed", "This API key may not report for product " + productId);
                });
        rateLimit.acquire(client.keyId(), client.rateLimit(), requests.size());
        return client;
    }

    private URI triageResult(String reportId) {
        return UriBuilder.fromUri(config.triageBaseUrl())
                .path("/api/v1/triage/{reportId}")
                .build(reportId);
    }

    private void countAccepted(List<FieldReportReceived> reports) {
        reports.forEach(report -> registry.counter(
                        "intake.reports.accepted", "source", report.source().name())
                .increment());
    }
}
