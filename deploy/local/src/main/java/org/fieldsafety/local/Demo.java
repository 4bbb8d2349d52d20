package org.fieldsafety.local;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.fieldsafety.contracts.FieldReportReceived.PatientOutcome;
import org.fieldsafety.contracts.FieldReportReceived.ReportSource;
import org.fieldsafety.contracts.FieldReportReceived.Reporter;
import org.fieldsafety.contracts.Topics;
import org.fieldsafety.pms.Complaint;
import org.fieldsafety.pms.PmsClient;

/**
 * The demo of a local run: one registered insulin pump, a stream of simulated field reports, and a few
 * complaints from the PMS system.
 */
public final class Demo {

    public static final String PRODUCT_ID = "INSULIN-PUMP-X";
    public static final String UDI_DI = "08712345000018";
    public static final int REPORTS = 60;
    public static final int COMPLAINTS = 3;
    private static final Duration INTERVAL = Duration.ofMillis(500);

    /** The product's software items (IEC 62304 safety class) and its hazard catalogue (ISO 14971). */
    public record SoftwareItem(String id, String safetyClass) {}

    public record Hazard(
            String faultCode,
            String softwareItem,
            String hazard,
            String hazardousSituation,
            String harm,
            int severity,
            int probability,
            Imdrf imdrf) {}

    /** A hazard's IMDRF codes: its fault's device problem (Annex A), its harm's clinical sign and health impact. */
    public record Imdrf(String annexA, String annexE, String annexF) {}

    public record Product(
            String name,
            String udiDi,
            String euRiskClass,
            List<String> markets,
            List<SoftwareItem> softwareItems,
            List<Hazard> hazards) {}

    public static final Product PRODUCT = new Product(
            "Insulin pump X",
            UDI_DI,
            "IIb",
            List.of("DE", "FR", "IT", "NL", "US"),
            List.of(
                    new SoftwareItem("dose-calculator", "C"),
                    new SoftwareItem("ui", "B"),
                    new SoftwareItem("event-log", "A")),
            List.of(
                    new Hazard(
                            "E-DOSE-CALC-OVERFLOW",
                            "dose-calculator",
                            "Over-infusion",
                            "Patient receives excess insulin",
                            "Severe hypoglycaemia",
                            5,
                            3,
                            new Imdrf("A110202", "E1206", "F1005")),
                    new Hazard(
                            "E-BOLUS-TIMEOUT",
                            "dose-calculator",
                            "Under-infusion",
                            "Patient misses a bolus",
                            "Hyperglycaemia",
                            4,
                            2,
                            new Imdrf("A1405", "E1205", "F1004")),
                    new Hazard(
                            "E-UI-ALARM-HIDDEN",
                            "ui",
                            "Alarm not shown",
                            "Patient does not notice an occlusion",
                            "Delayed treatment",
                            3,
                            3,
                            new Imdrf("A160101", null, "F05")),
                    new Hazard(
                            "E-LOG-TRUNCATED",
                            "event-log",
                            "Incomplete therapy history",
                            "Clinician reviews incomplete data",
                            "Minor therapy adjustment error",
                            2,
                            2,
                            new Imdrf("A110702", null, null))));

    private static final List<String> COUNTRIES = List.of("DE", "DE", "FR", "IT", "NL", "US", "US");
    private static final List<String> VERSIONS = List.of("4.1.0", "4.2.0", "4.2.1", "4.2.1");
    private static final List<PatientOutcome> OUTCOMES = List.of(
            PatientOutcome.NONE,
            PatientOutcome.NONE,
            PatientOutcome.NO_HARM,
            PatientOutcome.NO_HARM,
            PatientOutcome.NON_SERIOUS_INJURY,
            PatientOutcome.SERIOUS_INJURY,
            PatientOutcome.UNKNOWN);
    private static final List<ReportSource> SOURCES = List.of(
            ReportSource.DEVICE_TELEMETRY,
            ReportSource.DEVICE_TELEMETRY,
            ReportSource.DEVICE_TELEMETRY,
            ReportSource.MOBILE_APP,
            ReportSource.CUSTOMER_COMPLAINT,
            ReportSource.SERVICE_REPORT);

    private Demo() {}

    /** Simulated reports of the last two weeks, the same for the same seed; valid per docs/api.md. */
    public static List<FieldReport> reports(Instant now, int count, long seed) {
        Random random = new Random(seed);
        List<FieldReport> reports = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ReportSource source = pick(random, SOURCES);
            Hazard hazard = pick(random, PRODUCT.hazards());
            boolean complaintWithoutCode = source == ReportSource.CUSTOMER_COMPLAINT && random.nextBoolean();
            reports.add(new FieldReport(
                    source,
                    PRODUCT_ID,
                    UDI_DI,
                    String.format("SN-%06d", random.nextInt(1_000_000)),
                    pick(random, VERSIONS),
                    complaintWithoutCode ? null : hazard.softwareItem(),
                    complaintWithoutCode ? null : hazard.faultCode(),
                    now.minusSeconds(60 + random.nextInt(14 * 24 * 3600))
                            .truncatedTo(ChronoUnit.SECONDS)
                            .toString(),
                    pick(random, COUNTRIES),
                    pick(random, OUTCOMES),
                    source == ReportSource.DEVICE_TELEMETRY ? null : hazard.hazard() + " observed by the user",
                    source == ReportSource.DEVICE_TELEMETRY ? new Reporter("DEVICE") : null,
                    source == ReportSource.DEVICE_TELEMETRY
                            ? Map.of("battery", String.valueOf(20 + random.nextInt(80)))
                            : null));
        }
        return reports;
    }

    /** Registers {@link #PRODUCT} on triage; a triage without a registry yet is logged, not fatal. */
    public static void registerProduct(ApiClient api, String triageUrl) {
        ApiClient.Response response = api.send(
                "PUT", triageUrl + "/api/v1/products/" + PRODUCT_ID, ApiClient.basic("admin", "admin-local"), PRODUCT);
        if (response.status() / 100 == 2) {
            LocalSystem.log("demo: registered " + PRODUCT_ID + " on triage");
        } else {
            LocalSystem.log("demo: registering " + PRODUCT_ID + " answered " + response.status() + " " + response.body()
                    + "; going on without it");
        }
    }

    /** Posts {@link #REPORTS} simulated reports over about 30 s in a background thread. */
    public static void streamReports(ApiClient api, String intakeUrl, String apiKey) {
        List<FieldReport> reports = reports(Instant.now(), REPORTS, System.nanoTime());
        AtomicInteger next = new AtomicInteger();
        AtomicInteger accepted = new AtomicInteger();
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "demo-reports");
            thread.setDaemon(true);
            return thread;
        });
        LocalSystem.log("demo: posting " + REPORTS + " field reports over "
                + INTERVAL.multipliedBy(REPORTS).toSeconds() + " s");
        executor.scheduleAtFixedRate(
                () -> {
                    int index = next.getAndIncrement();
                    if (index >= reports.size()) {
                        LocalSystem.log("demo: " + accepted + " of " + REPORTS + " reports accepted");
                        executor.shutdown();
                        return;
                    }
                    post(api, intakeUrl, apiKey, reports.get(index), accepted);
                },
                0,
                INTERVAL.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /**
     * A few complaints as the PMS sends them on {@code pms.complaints.v1}, the same for the same seed: the
     * product's hazards in the customers' words, each with the PMS's own complaint id.
     */
    public static List<Complaint> complaints(Instant now, int count, long seed) {
        Random random = new Random(seed);
        List<Complaint> complaints = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Hazard hazard = pick(random, PRODUCT.hazards());
            complaints.add(new Complaint(
                    String.format("CMP-%08d", random.nextInt(100_000_000)),
                    PRODUCT_ID,
                    UDI_DI,
                    String.format("SN-%06d", random.nextInt(1_000_000)),
                    pick(random, VERSIONS),
                    hazard.softwareItem(),
                    hazard.faultCode(),
                    now.minusSeconds(3600 + random.nextInt(7 * 24 * 3600)).truncatedTo(ChronoUnit.SECONDS),
                    pick(random, COUNTRIES),
                    pick(random, OUTCOMES).name(),
                    hazard.hazard() + " reported to customer service",
                    "PATIENT",
                    null,
                    null));
        }
        return complaints;
    }

    /**
     * Sends {@link #COMPLAINTS} complaints inbound through the reference PMS client, the first one twice:
     * intake makes one field report per complaint id, so the resent one adds nothing.
     */
    public static void sendComplaints(String kafkaBootstrapServers) {
        List<Complaint> complaints = complaints(Instant.now(), COMPLAINTS, System.nanoTime());
        try (PmsClient pms = new PmsClient(kafkaBootstrapServers)) {
            complaints.forEach(pms::sendComplaint);
            pms.sendComplaint(complaints.get(0));
            LocalSystem.log("demo: the PMS sent " + COMPLAINTS + " complaints (and "
                    + complaints.get(0).complaintId() + " once more) to " + Topics.PMS_COMPLAINTS);
        } catch (RuntimeException e) {
            LocalSystem.log("demo: sending PMS complaints failed: " + e.getMessage());
        }
    }

    private static void post(
            ApiClient api, String intakeUrl, String apiKey, FieldReport report, AtomicInteger accepted) {
        try {
            Map<String, String> headers = Map.of(
                    "X-API-Key", apiKey, "Idempotency-Key", UUID.randomUUID().toString());
            ApiClient.Response response = api.send("POST", intakeUrl + "/api/v1/field-reports", headers, report);
            if (response.status() == 202) {
                accepted.incrementAndGet();
            } else {
                LocalSystem.log("demo: a report was answered " + response.status() + " " + response.body());
            }
        } catch (RuntimeException e) {
            LocalSystem.log("demo: posting a report failed: " + e.getMessage());
        }
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
