package org.fieldsafety.intake.pms.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.fieldsafety.contracts.FieldReportReceived;
import org.fieldsafety.contracts.PmsComplaint;
import org.fieldsafety.contracts.Topics;
import org.fieldsafety.infra.InfraTestResource;
import org.fieldsafety.infra.PostgresServer;
import org.fieldsafety.infra.TestKafka;
import org.fieldsafety.intake.KafkaTestSupport;
import org.fieldsafety.intake.pms.ProcessedComplaint;
import org.fieldsafety.intake.report.ReportIds;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "intake"))
@Tag("flow")
class PmsComplaintConsumerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String complaint(String complaintId, String softwareVersion) throws Exception {
        return complaint(complaintId, softwareVersion, "2026-11-01T12:00:00Z");
    }

    private static String complaint(String complaintId, String softwareVersion, String awareAt) throws Exception {
        Map<String, Object> complaint = new HashMap<>();
        complaint.put("complaintId", complaintId);
        complaint.put("productId", "INSULIN-PUMP-X");
        complaint.put("softwareVersion", softwareVersion);
        complaint.put("occurredAt", "2026-11-01T10:00:00Z");
        complaint.put("awareAt", awareAt);
        complaint.put("country", "FR");
        complaint.put("patientOutcome", "NO_HARM");
        complaint.put("description", "Display froze during bolus");
        return JSON.writeValueAsString(complaint);
    }

    /** ISO 13485 8.2.2: a complaint without version or time becomes a report, a follow-up names its first one. */
    @Test
    void anIncompleteComplaintIsReportedAndItsFollowUpNamesItsReport() throws Exception {
        Map<String, Object> complaint = new HashMap<>();
        complaint.put("complaintId", "PMS-INCOMPLETE");
        complaint.put("productId", "INSULIN-PUMP-X");
        complaint.put("patientOutcome", "SERIOUS_INJURY");
        KafkaTestSupport.send(Topics.PMS_COMPLAINTS, "INSULIN-PUMP-X", JSON.writeValueAsString(complaint));
        complaint.put("complaintId", "PMS-INCOMPLETE-FOLLOW-UP");
        complaint.put("patientOutcome", "DEATH");
        complaint.put("followUpOf", "PMS-INCOMPLETE");
        KafkaTestSupport.send(Topics.PMS_COMPLAINTS, "INSULIN-PUMP-X", JSON.writeValueAsString(complaint));

        String first = ReportIds.of(ProcessedComplaint.CLIENT, "PMS-INCOMPLETE");
        String followUp = ReportIds.of(ProcessedComplaint.CLIENT, "PMS-INCOMPLETE-FOLLOW-UP");
        JsonNode report = JSON.readTree(KafkaTestSupport.awaitRecords(
                        Topics.REPORTS, record -> first.equals(KafkaTestSupport.header(record, "ce_id")), 1)
                .get(0)
                .value());
        assertTrue(!report.hasNonNull("softwareVersion"));
        assertTrue(!report.hasNonNull("occurredAt"));
        JsonNode followUpReport = JSON.readTree(KafkaTestSupport.awaitRecords(
                        Topics.REPORTS, record -> followUp.equals(KafkaTestSupport.header(record, "ce_id")), 1)
                .get(0)
                .value());
        assertEquals(first, followUpReport.get("followUpOf").asText());
    }

    @Test
    void aRedeliveredComplaintIsTheSameReport() throws Exception {
        String complaint = complaint("PMS-1001", "4.2.1");
        KafkaTestSupport.send(Topics.PMS_COMPLAINTS, "INSULIN-PUMP-X", complaint);
        KafkaTestSupport.send(Topics.PMS_COMPLAINTS, "INSULIN-PUMP-X", complaint);

        String reportId = ReportIds.of(ProcessedComplaint.CLIENT, "PMS-1001");
        List<ConsumerRecord<String, String>> reports = KafkaTestSupport.awaitRecords(
                Topics.REPORTS, record -> reportId.equals(KafkaTestSupport.header(record, "ce_id")), 2);
        assertEquals(FieldReportReceived.TYPE, KafkaTestSupport.header(reports.get(0), "ce_type"));
        assertEquals("PMS", JSON.readTree(reports.get(0).value()).get("source").asText());
        assertEquals(
                JSON.readTree(reports.get(0).value()).get("receivedAt"),
                JSON.readTree(reports.get(1).value()).get("receivedAt"));
        for (ConsumerRecord<String, String> report : reports) {
            // the same CloudEvent both times: its time is the first receipt, the awareness time
            assertEquals(
                    Instant.parse(
                            JSON.readTree(report.value()).get("receivedAt").asText()),
                    OffsetDateTime.parse(KafkaTestSupport.header(report, "ce_time"))
                            .toInstant());
            assertEquals("application/json", KafkaTestSupport.header(report, "content-type"));
            assertEquals("/intake-service", KafkaTestSupport.header(report, "ce_source"));
            // keyed by product and fault code, the complaint has none (decision 0020)
            assertEquals("INSULIN-PUMP-X/", KafkaTestSupport.header(report, "ce_subject"));
            assertEquals("INSULIN-PUMP-X/", report.key());
        }
    }

    @Test
    void anInvalidComplaintGoesToTheDeadLetterTopicWithTheReason() throws Exception {
        // aware of it before it happened (21 CFR 803.3)
        KafkaTestSupport.send(
                Topics.PMS_COMPLAINTS, "INSULIN-PUMP-X", complaint("PMS-BROKEN", "4.2.1", "2026-10-31T10:00:00Z"));

        ConsumerRecord<String, String> dead = KafkaTestSupport.awaitRecords(
                        Topics.deadLetter(Topics.PMS_COMPLAINTS),
                        record -> record.value() != null && record.value().contains("PMS-BROKEN"),
                        1)
                .get(0);
        assertTrue(KafkaTestSupport.header(dead, "dead-letter-reason").contains("awareAt"));
    }

    @Test
    void aMessageThatIsNotJsonGoesToTheDeadLetterTopicAsSentAndTheNextComplaintStillCounts() throws Exception {
        KafkaTestSupport.send(Topics.PMS_COMPLAINTS, "INSULIN-PUMP-X", "{not json PMS-GARBLED");
        String next = complaint("PMS-AFTER-GARBLED", "4.2.1").replace("}", ",\"addedLater\":\"tolerated\"}");
        KafkaTestSupport.send(Topics.PMS_COMPLAINTS, "INSULIN-PUMP-X", next);

        ConsumerRecord<String, String> dead = KafkaTestSupport.awaitRecords(
                        Topics.deadLetter(Topics.PMS_COMPLAINTS),
                        record -> "{not json PMS-GARBLED".equals(record.value()),
                        1)
                .get(0);
        assertTrue(KafkaTestSupport.header(dead, "dead-letter-reason").contains("not a PMS complaint"));
        String reportId = ReportIds.of(ProcessedComplaint.CLIENT, "PMS-AFTER-GARBLED");
        KafkaTestSupport.awaitRecords(
                Topics.REPORTS, record -> reportId.equals(KafkaTestSupport.header(record, "ce_id")), 1);
    }

    @Test
    void aMessageOfAnotherTypeIsSkippedNotDeadLettered() throws Exception {
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        TestKafka.publishCloudEvent(
                bootstrap,
                Topics.PMS_COMPLAINTS,
                "INSULIN-PUMP-X",
                "PMS-OTHER-TYPE",
                "org.example.PmsRecallNotice.v1",
                "PMS-OTHER-TYPE: not a complaint, not even JSON");
        // the same key, hence the same partition: read after the message above
        TestKafka.publishCloudEvent(
                bootstrap,
                Topics.PMS_COMPLAINTS,
                "INSULIN-PUMP-X",
                "PMS-AFTER-OTHER-TYPE",
                PmsComplaint.TYPE,
                complaint("PMS-AFTER-OTHER-TYPE", "4.2.1"));

        String reportId = ReportIds.of(ProcessedComplaint.CLIENT, "PMS-AFTER-OTHER-TYPE");
        KafkaTestSupport.awaitRecords(
                Topics.REPORTS, record -> reportId.equals(KafkaTestSupport.header(record, "ce_id")), 1);
        assertEquals(
                List.of(),
                KafkaTestSupport.allRecords(Topics.deadLetter(Topics.PMS_COMPLAINTS)).stream()
                        .filter(record ->
                                record.value() != null && record.value().startsWith("PMS-OTHER-TYPE"))
                        .toList());
    }

    /**
     * PostgreSQL restarting while complaints arrive: those read while it is down wait, none reaches the
     * dead letters, and once it is back every complaint is one report, with one awareness time.
     */
    @Test
    void complaintsArrivingWhilePostgresRestartsAreEachReportedOnceAndNoneIsDeadLettered() throws Exception {
        String run = UUID.randomUUID().toString();
        List<String> complaintIds = IntStream.range(0, 20)
                .mapToObj(i -> "PMS-RESTART-" + run + "-" + i)
                .toList();
        PostgresServer postgres = InfraTestResource.TestServers.get().postgres();

        postgres.restart(() -> {
            complaintIds.subList(0, 10).forEach(PmsComplaintConsumerTest::send);
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> deadLetters(run)
                    .isEmpty());
        });
        complaintIds.subList(10, 20).forEach(PmsComplaintConsumerTest::send);

        Set<String> reportIds = complaintIds.stream()
                .map(id -> ReportIds.of(ProcessedComplaint.CLIENT, id))
                .collect(Collectors.toSet());
        List<ConsumerRecord<String, String>> reports = KafkaTestSupport.awaitRecords(
                Topics.REPORTS,
                record -> reportIds.contains(KafkaTestSupport.header(record, "ce_id")),
                reportIds.size());
        Map<String, Set<String>> awareness = reports.stream()
                .collect(Collectors.groupingBy(
                        record -> KafkaTestSupport.header(record, "ce_id"),
                        Collectors.mapping(record -> KafkaTestSupport.header(record, "ce_time"), Collectors.toSet())));
        assertEquals(reportIds, awareness.keySet());
        awareness.forEach((reportId, times) -> assertEquals(1, times.size(), reportId + ": " + times));
        assertEquals(List.of(), deadLetters(run));
    }

    private static void send(String complaintId) {
        try {
            KafkaTestSupport.send(Topics.PMS_COMPLAINTS, "INSULIN-PUMP-X", complaint(complaintId, "4.2.1"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<ConsumerRecord<String, String>> deadLetters(String run) {
        return KafkaTestSupport.allRecords(Topics.deadLetter(Topics.PMS_COMPLAINTS)).stream()
                .filter(record -> record.value() != null && record.value().contains(run))
                .toList();
    }
}
