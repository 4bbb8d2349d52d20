package org.fieldsafety.platform.telemetry;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.Unremovable;
import io.quarkus.arc.lookup.LookupIfProperty;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Collection;

/**
 * Traces leave a service only where a collector is configured ({@code OTEL_EXPORTER_OTLP_ENDPOINT}, OTLP
 * over gRPC). Without one, this exporter drops the finished spans: Quarkus uses a span exporter bean in
 * place of its OTLP exporter, so a local run or a test never reaches for a collector. Spans are made all
 * the same, so their context travels in every {@code traceparent} header and in every log line.
 */
@Singleton
public class TraceExport {

    @Produces
    @Singleton
    @Unremovable
    @LookupIfProperty(name = "fieldsafety.traces.endpoint", stringValue = "none")
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
}
