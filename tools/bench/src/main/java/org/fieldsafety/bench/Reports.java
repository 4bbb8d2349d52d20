package org.fieldsafety.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.fieldsafety.contracts.FieldReportReceived.PatientOutcome;
import org.fieldsafety.contracts.FieldReportReceived.ReportSource;
import org.fieldsafety.contracts.FieldReportReceived.Reporter;
import org.fieldsafety.local.ApiClient;
import org.fieldsafety.local.FieldReport;

/**
 * The benchmark's field reports: 1 kB of JSON each (the description is padded), the same size as the
 * records of the raw Kafka baseline. A candidate is a serious injury from the dose calculator's overflow
 * (UNACCEPTABLE risk, so triage marks it an FSCA candidate and fsca attaches it to a case); any other
 * report is a harmless truncated event log.
 */
final class Reports {

    static final int SIZE = 1024;

    private Reports() {}

    /** Report i, of one of {@code products} (registered on triage) in turn. */
    static FieldReport report(long i, boolean candidate, List<String> products) {
        String product = products.get((int) (i % products.size()));
        FieldReport report = shape(i, candidate, product, "");
        int padding = SIZE - json(report).length;
        return shape(i, candidate, product, "x".repeat(Math.max(0, padding)));
    }

    static byte[] json(Object body) {
        try {
            return ApiClient.JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The body of a batch POST of {@code size} non-candidate reports. */
    static byte[] batch(long first, int size, List<String> products) {
        List<FieldReport> reports = LongStream.range(first, first + size)
                .mapToObj(i -> report(i, false, products))
                .toList();
        return json(Map.of("reports", reports));
    }

    private static FieldReport shape(long i, boolean candidate, String product, String padding) {
        return new FieldReport(
                ReportSource.DEVICE_TELEMETRY,
                product,
                "08712345000018",
                String.format("SN-%09d", i),
                "4.2.1",
                candidate ? "dose-calculator" : "event-log",
                candidate ? "E-DOSE-CALC-OVERFLOW" : "E-LOG-TRUNCATED",
                Instant.now()
                        .minus(1, ChronoUnit.HOURS)
                        .truncatedTo(ChronoUnit.SECONDS)
                        .toString(),
                "DE",
                candidate ? PatientOutcome.SERIOUS_INJURY : PatientOutcome.NONE,
                "Benchmark report " + i + " " + padding,
                new Reporter("DEVICE"),
                Map.of("battery", "81"));
    }
}
