package org.fieldsafety.systemtests;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;
import org.fieldsafety.contracts.FieldReportReceived.PatientOutcome;
import org.fieldsafety.contracts.Topics;
import org.fieldsafety.local.ApiClient;
import org.fieldsafety.local.FieldReport;
import org.fieldsafety.local.LocalSystem;
import org.fieldsafety.local.Service;
import org.fieldsafety.pms.Complaint;
import org.fieldsafety.pms.PmsClient;
import org.fieldsafety.pms.ReceivedEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The PMS's view of one serious incident's whole journey, through the reference PMS client only: every
 * milestone the system publishes about it (triage, the FSCA case, change control) arrives exactly once
 * after deduplication, in order per key, also when a milestone is published twice, and a follower that
 * re-reads from the start sees the same history. Complaints go the other way through the same client.
 */
class PmsJourneyIT {

    private static final Duration HOP_TIMEOUT = Duration.ofSeconds(60);
    private static final String PRODUCT = "PMS-JOURNEY-PUMP";
    private static final Map<String, String> RA = ApiClient.basic("ra", "ra-local");
    private static final Map<String, String> QA = ApiClient.basic("qa", "qa-local");
    private static final Map<String, String> ENG = ApiClient.basic("eng", "eng-local");

    private static TestSystem running;
    private final ApiClient api = new ApiClient();
    private final Steps steps = new Steps("pms journey", HOP_TIMEOUT, () -> running.logs());
    private final ExecutorService followers = Executors.newCachedThreadPool();
    private final List<PmsClient> clients = new ArrayList<>();

    @BeforeAll
    static void startSystem() throws IOException {
        running = TestSystem.start("pms-journey");
    }

    @AfterAll
    static void stopSystem() throws IOException {
        if (running != null) {
            running.close();
        }
    }

    @AfterEach
    void stopFollowers() throws InterruptedException {
        clients.forEach(PmsClient::close);
        followers.shutdown();
        followers.awaitTermination(10, TimeUnit.SECONDS);
    }

    @Test
    void thePmsReceivesEachMilestoneOfAReportsJourneyOnceInOrderPerKey() {
        LocalSystem system = running.system();
        String intake = system.baseUrl(Service.INTAKE);
        String triage = system.baseUrl(Service.TRIAGE);
        String fsca = system.baseUrl(Service.FSCA);
        String changeControl = system.baseUrl(Service.CHANGE_CONTROL);
        List<ReceivedEvent> received = follow("pms-journey-" + UUID.randomUUID());

        String key = Steps.apiKey(api, intake, "pms-journey");
        FieldReport report = FieldReport.example(
                        Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS),
                        PatientOutcome.SERIOUS_INJURY)
                .withProduct(PRODUCT);
        String reportId =
                Steps.fieldReport(api, intake, key, report).path("reportId").asText();
        String problemId = steps.awaitJson(triage + "/api/v1/triage/" + reportId, RA, json -> json.has("problemId"))
                .path("problemId")
                .asText();
        String caseId = steps.awaitJson(fsca + "/api/v1/fsca-cases?problemId=" + problemId, RA, json -> json.size() > 0)
                .get(0)
                .path("caseId")
                .asText();
        Steps.expect(
                200,
                api.send(
                        "POST",
                        fsca + "/api/v1/fsca-cases/" + caseId + "/decision",
                        RA,
                        Map.of(
                                "decision", "FSCA_REQUIRED",
                                "rationale", "Dose calculation overflow can over-infuse",
                                "action", "SOFTWARE_UPDATE",
                                "signature", Map.of("password", "ra-local", "meaning", "APPROVAL"))));

        // a publisher may send a milestone again (at least once): the copy precedes the next one of the case
        republish(awaitEvent(received, caseId, "FscaCaseOpened"));
        Steps.expect(
                204,
                api.send(
                        "POST",
                        fsca + "/api/v1/fsca-cases/" + caseId + "/authority-notification",
                        RA,
                        Map.of("country", "DE", "competentAuthority", "BfArM", "reference", "BfArM-FSCA-2026-001")));

        String changeRequestId = steps.awaitJson(
                        changeControl + "/api/v1/change-requests?fscaCaseId=" + caseId, ENG, json -> json.size() > 0)
                .get(0)
                .path("id")
                .asText();
        String changeRequest = changeControl + "/api/v1/change-requests/" + changeRequestId;
        Steps.expect(
                200,
                api.send(
                        "POST",
                        changeRequest + "/impact-analysis",
                        ENG,
                        Map.of(
                                "summary", "Clamp the bolus",
                                "affectedItems", List.of("dose-calculator"),
                                "testsToRepeat", List.of("bolus limits"))));
        Steps.expect(
                200,
                api.send(
                        "POST",
                        changeRequest + "/approval",
                        QA,
                        Map.of("signature", Map.of("password", "qa-local", "meaning", "APPROVAL"))));
        Steps.expect(
                200,
                api.send(
                        "POST",
                        changeRequest + "/implementation",
                        ENG,
                        Map.of("softwareVersion", "4.2.2", "commits", List.of("3f2c1a9"))));

        // triage's topic is keyed by problem, the others by case and product (decision 0020)
        Map<String, List<String>> expected = Map.of(
                Topics.TRIAGE + "/" + problemId,
                List.of("ProblemDetected", "ReportTriaged"),
                Topics.FSCA + "/" + caseId,
                List.of("FscaCaseOpened", "FscaDecisionTaken", "AuthorityNotified"),
                Topics.CHANGE_CONTROL + "/" + PRODUCT,
                List.of(
                        "ProblemReportOpened",
                        "ChangeRequestRaised",
                        "ImpactAnalysed",
                        "ChangeApproved",
                        "ChangeImplemented"));
        Map<String, List<ReceivedEvent>> journey = awaitJourney(received, expected);
        journey.forEach((topicAndKey, events) -> events.forEach(
                event -> assertEquals(event.key(), event.subject(), "ce_subject is the key: " + event.toJson())));
        assertEquals(
                "triaged-" + reportId,
                journey.get(Topics.TRIAGE + "/" + problemId).get(1).id());

        Map<String, List<ReceivedEvent>> reread = awaitJourney(follow("pms-reread-" + UUID.randomUUID()), expected);
        journey.forEach((topicAndKey, events) ->
                assertEquals(ids(events), ids(reread.get(topicAndKey)), "re-read of " + topicAndKey));
    }

    @Test
    void aComplaintSentTwiceBecomesOneTriagedReport() {
        String product = "PMS-COMPLAINT-PUMP";
        List<ReceivedEvent> received = follow("pms-complaints-" + UUID.randomUUID());
        PmsClient pms = new PmsClient(running.system().kafkaBootstrapServers());
        clients.add(pms);
        Complaint complaint = complaint(product, "4.2.1");
        Complaint later = complaint(product, "4.2.2");

        pms.sendComplaint(complaint);
        pms.sendComplaint(complaint);
        // one problem's complaints, reports and triage results keep their order: the later one follows the resend
        pms.sendComplaint(later);

        List<ReceivedEvent> triaged = await().atMost(HOP_TIMEOUT)
                .until(
                        () -> snapshot(received).stream()
                                .filter(event -> event.topic().equals(Topics.TRIAGE)
                                        && product.equals(
                                                event.data().path("productId").asText())
                                        && milestone(event).equals("ReportTriaged"))
                                .toList(),
                        events -> events.stream()
                                .anyMatch(event -> softwareVersion(event).equals("4.2.2")));
        assertEquals(
                List.of("4.2.1", "4.2.2"),
                triaged.stream().map(PmsJourneyIT::softwareVersion).toList(),
                "one report per complaint id");
    }

    private static Complaint complaint(String product, String softwareVersion) {
        return new Complaint(
                "CMP-" + UUID.randomUUID(),
                product,
                null,
                "SN-000456",
                softwareVersion,
                "dose-calculator",
                "E-DOSE-CALC-OVERFLOW",
                Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS),
                "FR",
                "NO_HARM",
                "Bolus higher than requested",
                "PATIENT",
                null,
                null);
    }

    private static String softwareVersion(ReceivedEvent triaged) {
        return triaged.data().path("softwareVersion").asText();
    }

    /**
     * Waits until, for each topic and key, the milestones received are exactly the expected ones in order;
     * a duplicate handed on would show, since the republished copy precedes a later milestone of its key.
     */
    private static Map<String, List<ReceivedEvent>> awaitJourney(
            List<ReceivedEvent> received, Map<String, List<String>> expected) {
        await().atMost(HOP_TIMEOUT)
                .untilAsserted(() -> expected.forEach((topicAndKey, types) ->
                        assertEquals(types, types(of(received, topicAndKey)), "milestones on " + topicAndKey)));
        return expected.keySet().stream()
                .collect(Collectors.toMap(topicAndKey -> topicAndKey, topicAndKey -> of(received, topicAndKey)));
    }

    private List<ReceivedEvent> follow(String group) {
        PmsClient client = new PmsClient(running.system().kafkaBootstrapServers());
        clients.add(client);
        List<ReceivedEvent> received = Collections.synchronizedList(new ArrayList<>());
        followers.execute(() -> client.follow(group, true, received::add));
        return received;
    }

    private static ReceivedEvent awaitEvent(List<ReceivedEvent> received, String key, String milestone) {
        return await().atMost(HOP_TIMEOUT)
                .until(
                        () -> snapshot(received).stream()
                                .filter(event -> key.equals(event.key()) && milestone.equals(milestone(event)))
                                .findFirst()
                                .orElse(null),
                        event -> event != null);
    }

    /** Publishes a received event again as its publisher would: same key, ce_* headers and data. */
    private static void republish(ReceivedEvent event) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, running.system().kafkaBootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>(
                    event.topic(), event.key(), event.data().toString());
            Map.of(
                            "ce_specversion", "1.0",
                            "ce_id", event.id(),
                            "ce_type", event.type(),
                            "ce_source", event.source(),
                            "ce_subject", event.subject(),
                            "ce_time", event.time())
                    .forEach((name, value) ->
                            record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8))));
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka did not take the copy of " + event.id(), e);
        }
    }

    private static List<ReceivedEvent> of(List<ReceivedEvent> received, String topicAndKey) {
        return snapshot(received).stream()
                .filter(event -> topicAndKey.equals(event.topic() + "/" + event.key()))
                .toList();
    }

    private static List<ReceivedEvent> snapshot(List<ReceivedEvent> received) {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    private static List<String> types(List<ReceivedEvent> events) {
        return events.stream().map(PmsJourneyIT::milestone).toList();
    }

    private static List<String> ids(List<ReceivedEvent> events) {
        return events.stream().map(ReceivedEvent::id).toList();
    }

    /** {@code org.fieldsafety.FscaCaseOpened.v1} is the milestone {@code FscaCaseOpened}. */
    private static String milestone(ReceivedEvent event) {
        return event.type().replaceFirst("^org\\.fieldsafety\\.", "").replaceFirst("\\.v\\d+$", "");
    }
}
