package org.fieldsafety.fsca;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.fieldsafety.contracts.FieldReportReceived.PatientOutcome;
import org.fieldsafety.contracts.ReportTriaged;
import org.fieldsafety.contracts.Topics;
import org.fieldsafety.contracts.TrendSignalRaised;
import org.fieldsafety.infra.TestKafka;

/**
 * Triage's side of fsca's flow tests: a serious incident or a trend signal as triage publishes it on the
 * real broker.
 */
public final class TriageEvents {

    private TriageEvents() {}

    /** A class C serious incident of report {@code report-<problemId>}, due under MDR {@code euMdrClock} after awareness. */
    public static ReportTriaged seriousIncident(String problemId, Instant aware, Duration euMdrClock) {
        return seriousIncident("report-" + problemId, problemId, aware, euMdrClock);
    }

    /** The same as report {@code reportId}, one of several of the problem. */
    public static ReportTriaged seriousIncident(String reportId, String problemId, Instant aware, Duration euMdrClock) {
        return seriousIncident(reportId, "INSULIN-PUMP-X", problemId, aware, euMdrClock);
    }

    /** The same on product {@code productId}. */
    public static ReportTriaged seriousIncident(
            String reportId, String productId, String problemId, Instant aware, Duration euMdrClock) {
        return new ReportTriaged(
                reportId,
                productId,
                problemId,
                "dose-calculator",
                "4.2.1",
                "E-DOSE-CALC-OVERFLOW",
                "DE",
                PatientOutcome.SERIOUS_INJURY,
                "C",
                "Over-infusion",
                5,
                3,
                "UNACCEPTABLE",
                true,
                true,
                aware,
                aware.plusSeconds(1),
                1,
                List.of(
                        new ReportTriaged.Reportability("EU_MDR", "Art. 87(3)", aware.plus(euMdrClock)),
                        new ReportTriaged.Reportability("US_FDA", "21 CFR 803.50", aware.plus(Duration.ofDays(30)))),
                aware,
                null,
                reportId,
                List.of(),
                new ReportTriaged.Seriousness("OBSERVED", "Observed: a serious injury the risk analysis anticipated"),
                new ReportTriaged.Product("Insulin Pump X", "04012345000019", List.of("DE", "FR", "US")),
                List.of(
                        new ReportTriaged.ImdrfTerm(
                                "A110202", "Application Program Problem: Dose Calculation Error", "2022"),
                        new ReportTriaged.ImdrfTerm("F1005", "Overdose", "2022")));
    }

    /**
     * A death of report {@code reportId} in {@code country} on the problem's product (marketed in the EU and
     * the US), with the duties triage gave it.
     */
    public static ReportTriaged death(
            String reportId,
            String problemId,
            String country,
            Instant aware,
            List<ReportTriaged.Reportability> duties) {
        ReportTriaged serious = seriousIncident(reportId, problemId, aware, Duration.ofDays(10));
        return new ReportTriaged(
                reportId,
                serious.productId(),
                problemId,
                serious.softwareItem(),
                serious.softwareVersion(),
                serious.faultCode(),
                country,
                PatientOutcome.DEATH,
                serious.safetyClass(),
                "Over-infusion",
                5,
                3,
                "UNACCEPTABLE",
                true,
                true,
                aware,
                aware.plusSeconds(1),
                1,
                duties,
                aware,
                null,
                reportId,
                List.of(),
                new ReportTriaged.Seriousness("OBSERVED", "Observed: a death"),
                serious.product(),
                serious.imdrf());
    }

    /** The first trend episode of the problem: 8 reports in 7 days where 0.7 were expected. */
    public static TrendSignalRaised trendSignal(String problemId) {
        return trendSignal(problemId, "INSULIN-PUMP-X");
    }

    /** The same on product {@code productId}. */
    public static TrendSignalRaised trendSignal(String problemId, String productId) {
        Instant raised = Instant.now();
        return new TrendSignalRaised(
                problemId,
                productId,
                "event-log",
                "E-LOG-TRUNCATED",
                raised.minus(Duration.ofDays(7)),
                raised,
                8,
                0.7,
                "one-sided Poisson test, alpha 0.01",
                raised,
                "OWN_BASELINE",
                List.of("FREQUENCY"),
                null,
                null,
                null,
                0.0001,
                "8 reports in 7 days where 0.7 were expected");
    }

    /** The record triage publishes for the problem's first trend episode, with the episode's stable id. */
    public static ProducerRecord<String, String> record(ObjectMapper json, TrendSignalRaised signal)
            throws JsonProcessingException {
        return TestKafka.cloudEvent(
                Topics.TRIAGE,
                signal.problemId(),
                "trend-signal-" + signal.problemId() + "-1",
                TrendSignalRaised.TYPE,
                json.writeValueAsString(signal));
    }

    /** Publishes it as triage does: a CloudEvent keyed by problem with a stable id. */
    public static void publish(String bootstrapServers, ObjectMapper json, ReportTriaged triaged)
            throws JsonProcessingException {
        TestKafka.publishInOneBatch(bootstrapServers, List.of(record(json, triaged)));
    }

    /** The record triage publishes for it. */
    public static ProducerRecord<String, String> record(ObjectMapper json, ReportTriaged triaged)
            throws JsonProcessingException {
        return TestKafka.cloudEvent(
                Topics.TRIAGE,
                triaged.problemId(),
                "triaged-" + triaged.reportId(),
                ReportTriaged.TYPE,
                json.writeValueAsString(triaged));
    }
}
