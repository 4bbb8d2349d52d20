package org.fieldsafety.intake.report.api;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.fieldsafety.platform.telemetry.Meter;
import org.fieldsafety.platform.web.Problem;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Counts rejected field reports by reason: the problem code of the answer ({@code validation}, ...). */
public class RejectedReportsFilter {

    private final MeterRegistry registry;

    RejectedReportsFilter(MeterRegistry registry) {
        this.registry = registry;
    }

    @ServerResponseFilter
    public void count(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() < 400 || !request.getUriInfo().getPath().startsWith("/api/v1/field-reports")) {
            return;
        }
        String reason = response.getEntity() instanceof Problem problem
                ? problem.type().substring(problem.type().lastIndexOf('/') + 1)
                : "http-" + response.getStatus();
        registry.counter(Meter.REPORTS_REJECTED.meterName(), "reason", reason).increment();
    }
}
