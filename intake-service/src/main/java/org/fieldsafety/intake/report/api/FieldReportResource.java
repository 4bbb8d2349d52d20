package org.fieldsafety.intake.report.api;

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
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.fieldsafety.contracts.FieldReportReceived;
import org.fieldsafety.intake.ApiKeyAuthenticationMechanism;
import org.fieldsafety.intake.ApiKeyClient;
import org.fieldsafety.intake.IntakeConfig;
import org.fieldsafety.intake.report.FieldReportRequest;
import org.fieldsafety.intake.report.ReportIntake;
import org.fieldsafety.platform.Roles;

/**
 * Field reports from machine clients. A report is answered 202 only once Kafka acknowledged it; its
 * {@code receivedAt} is the manufacturer's awareness unless the report gives an earlier {@code awareAt}
 * (MDR Art. 87, 21 CFR 803.3); a retry with the same {@code Idempotency-Key} keeps the first attempt's.
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

    private final ReportIntake intake;
    private final SecurityIdentity identity;
    private final IntakeConfig config;

    FieldReportResource(ReportIntake intake, SecurityIdentity identity, IntakeConfig config) {
        this.intake = intake;
        this.identity = identity;
        this.config = config;
    }

    @POST
    public Uni<Response> report(
            @NotNull @Valid FieldReportRequest request,
            @HeaderParam(IDEMPOTENCY_KEY) @Size(max = 200) String idempotencyKey) {
        return intake.report(ApiKeyClient.of(identity), request, idempotencyKey)
                .map(report -> Response.accepted(new ReportAccepted(report.reportId(), report.receivedAt()))
                        .location(triageResult(report.reportId()))
                        .build());
    }

    /** Validates the whole batch first; 202 only when Kafka acknowledged every report. */
    @POST
    @Path("batch")
    public Uni<Response> batch(
            @NotNull @Valid BatchRequest batch, @HeaderParam(IDEMPOTENCY_KEY) @Size(max = 200) String idempotencyKey) {
        return intake.batch(ApiKeyClient.of(identity), batch.reports(), idempotencyKey)
                .map(reports -> Response.accepted(new BatchAccepted(reports.stream()
                                .map(FieldReportReceived::reportId)
                                .toList()))
                        .build());
    }

    private URI triageResult(String reportId) {
        return UriBuilder.fromUri(config.triageBaseUrl())
                .path("/api/v1/triage/{reportId}")
                .build(reportId);
    }
}
