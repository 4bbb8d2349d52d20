package org.fieldsafety.platform.telemetry;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.quarkus.arc.Unremovable;
import io.quarkus.arc.lookup.LookupIfProperty;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Collection;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Traces leave a service only where a collector is configured ({@code OTEL_EXPORTER_OTLP_ENDPOINT}, OTLP
 * over gRPC). Without one, this exporter drops the finished spans: Quarkus uses a span exporter bean in
 * place of its OTLP exporter, so a local run or a test never reaches for a collector. And the sampler
 * samples every span out, so spans that would be dropped are not recorded either (intake's profile samples
 * in OpenTelemetry fell from 10.5 to 8.8 %, docs/profile.md section 18). An unsampled span still has its
 * trace and span id, so its context travels in every {@code traceparent} header and in every log line all
 * the same. With a collector, a span follows its parent's decision and a new trace is sampled
 * (OpenTelemetry's default).
 */
@Singleton
public class TraceExport {

    /** The value of {@code fieldsafety.traces.endpoint} when no collector is configured. */
    private static final String NO_COLLECTOR = "none";

    @Produces
    @Singleton
    @Unremovable
    @LookupIfProperty(name = "fieldsafety.traces.endpoint", stringValue = NO_COLLECTOR)
    SpanExporter dropped() {
        return new SpanExporter() {
            @Override
            public CompletableResultCode export(Collection<SpanData> spans) {
                return CompletableResultCode.ofSuccess();
            }

            @Override
            public CompletableResultCode flush() {
                return CompletableResultCode.ofSuccess();
            }

            @Override
            public CompletableResultCode shutdown() {
                return CompletableResultCode.ofSuccess();
            }
        };
    }

    /** Quarkus uses a sampler bean in place of the configured sampler. */
    @Produces
    @Singleton
    Sampler sampler(@ConfigProperty(name = "fieldsafety.traces.endpoint") String endpoint) {
        return NO_COLLECTOR.equals(endpoint) ? Sampler.alwaysOff() : Sampler.parentBased(Sampler.alwaysOn());
    }
}
