package org.fieldsafety.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.RemoveMembersFromConsumerGroupOptions;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.fieldsafety.contracts.FieldReportReceived.PatientOutcome;
import org.fieldsafety.contracts.Topics;
import org.fieldsafety.infra.PostgresServer;
import org.fieldsafety.local.ApiClient;
import org.fieldsafety.local.FieldReport;
import org.fieldsafety.local.LocalSystem;
import org.fieldsafety.local.Service;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The restore of an event store as docs/production.md describes it, on the packaged services: fsca is
 * stopped and its database copied (the backup); a second serious incident opens a case after it; fsca is
 * stopped again, its database replaced by the copy and its consumer group's offsets set back to where they
 * were at the backup (the reconciliation from the topics); started again, fsca answers both cases with their
 * audit trails verified, the second opened once more from triage's event and neither twice. The copy is PostgreSQL's {@code CREATE DATABASE ... TEMPLATE} of the
 * stopped service's database, which stands in for CloudNativePG's recovery from a base backup: what is
 * tested is that a store restored to a point before the last events, with the topics re-read from that
 * point, is whole again.
 */
class EventStoreRestoreIT {

    private static final Duration HOP_TIMEOUT = Duration.ofSeconds(60);
    private static final Map<String, String> AUDITOR = ApiClient.basic("auditor", "auditor-local");
    private static final String FSCA_GROUP = "fsca-service";
    /** What fsca's consumer group reads. */
    private static final List<String> FSCA_TOPICS = List.of(Topics.TRIAGE, Topics.CHANGE_CONTROL);

    private static TestSystem running;
    private final ApiClient api = new ApiClient();
    private final Steps steps = new Steps("restore", HOP_TIMEOUT, () -> running.logs());

    @BeforeAll
    static void start() throws Exception {
        running = TestSystem.start("restore");
    }

    @AfterAll
    static void stop() throws Exception {
        if (running != null) {
            running.close();
        }
    }

    @Test
    void aRestoredFscaStoreReReadsTheTopicsFromTheBackupAndEveryCaseVerifies() throws Exception {
        LocalSystem system = running.system();
        String fsca = system.baseUrl(Service.FSCA);
        String database = Service.FSCA.database();
        String key = steps.hop("1 API key", () -> Steps.apiKey(api, system.baseUrl(Service.INTAKE), "restore"));

        String before = openCase("2 case before the backup", key, "E-DOSE-CALC-OVERFLOW");
        Map<TopicPartition, OffsetAndMetadata> atBackup;
        system.kill(Service.FSCA);
        try (Admin kafka = kafka(system)) {
            dropMembers(kafka);
            atBackup = offsetsAtBackup(kafka);
        }
        sql(system, "select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + database + "'");
        sql(
                system,
                "create database " + database + "_backup template " + database + " owner "
                        + PostgresServer.migrationUser(database));
        system.restart(Service.FSCA);

        String problemAfter = problemOf(fsca, openCase("3 case after the backup", key, "E-DOSE-CALC-UNDERFLOW"));

        system.kill(Service.FSCA);
        sql(system, "drop database " + database + " with (force)");
        sql(system, "alter database " + database + "_backup rename to " + database);
        try (Admin kafka = kafka(system)) {
            dropMembers(kafka);
            kafka.alterConsumerGroupOffsets(FSCA_GROUP, atBackup).all().get();
        }
        system.restart(Service.FSCA);

        JsonNode verifiedBefore = steps.hop(
                "4 the case before the backup verifies",
                () -> Steps.expect(200, api.get(fsca + "/api/v1/fsca-cases/" + before + "/audit", AUDITOR)));
        assertTrue(verifiedBefore.path("verified").asBoolean(), verifiedBefore.toString());
        JsonNode reopened = steps.hop(
                "5 the case after the backup is opened again from the topic, once",
                () -> steps.awaitJson(
                        fsca + "/api/v1/fsca-cases?problemId=" + problemAfter,
                        AUDITOR,
                        json -> json.size() > 0 && json.get(0).path("incidents").size() > 0));
        assertEquals(1, reopened.size(), reopened.toString());
        String again = reopened.get(0).path("caseId").asText();
        JsonNode verifiedAgain = Steps.expect(200, api.get(fsca + "/api/v1/fsca-cases/" + again + "/audit", AUDITOR));
        assertTrue(verifiedAgain.path("verified").asBoolean(), verifiedAgain.toString());
    }

    /** Sends a death report with {@code faultCode} and waits for its FSCA case; answers the case's id. */
    private String openCase(String hop, String key, String faultCode) {
        FieldReport example = FieldReport.example(
                Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS), PatientOutcome.DEATH);
        FieldReport report = example.withFault(example.softwareItem(), faultCode, example.description());
        LocalSystem system = running.system();
        String reportId = Steps.fieldReport(api, system.baseUrl(Service.INTAKE), key, report)
                .path("reportId")
                .asText();
        JsonNode cases = steps.hop(
                hop,
                () -> steps.awaitJson(
                        system.baseUrl(Service.FSCA) + "/api/v1/fsca-cases",
                        AUDITOR,
                        json -> caseOf(json, reportId) != null));
        return caseOf(cases, reportId);
    }

    private static String caseOf(JsonNode cases, String reportId) {
        for (JsonNode fscaCase : cases) {
            for (JsonNode incident : fscaCase.path("incidents")) {
                if (incident.path("reportId").asText().equals(reportId)) {
                    return fscaCase.path("caseId").asText();
                }
            }
        }
        return null;
    }

    private String problemOf(String fsca, String caseId) {
        return Steps.expect(200, api.get(fsca + "/api/v1/fsca-cases/" + caseId, AUDITOR))
                .path("problemId")
                .asText();
    }

    /** A killed fsca's consumers stay members until their session times out; the group is emptied at once. */
    /**
     * The group's committed offsets now, and the start for every partition of the topics fsca reads that
     * has none yet: nothing of it was read before the backup, so all of it must be read after the restore.
     */
    private static Map<TopicPartition, OffsetAndMetadata> offsetsAtBackup(Admin kafka) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>(kafka.listConsumerGroupOffsets(FSCA_GROUP)
                .partitionsToOffsetAndMetadata()
                .get());
        kafka.describeTopics(FSCA_TOPICS).allTopicNames().get().forEach((topic, description) -> description
                .partitions()
                .forEach(partition -> offsets.putIfAbsent(
                        new TopicPartition(topic, partition.partition()), new OffsetAndMetadata(0))));
        return offsets;
    }

    private static void dropMembers(Admin kafka) throws Exception {
        boolean members = !kafka.describeConsumerGroups(List.of(FSCA_GROUP))
                .describedGroups()
                .get(FSCA_GROUP)
                .get()
                .members()
                .isEmpty();
        if (members) {
            kafka.removeMembersFromConsumerGroup(FSCA_GROUP, new RemoveMembersFromConsumerGroupOptions())
                    .all()
                    .get();
        }
    }

    private static Admin kafka(LocalSystem system) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, system.kafkaBootstrapServers()));
    }

    private static void sql(LocalSystem system, String statement) throws SQLException {
        try (Connection connection = DriverManager.getConnection(
                        system.jdbcUrl("postgres"), PostgresServer.USER, PostgresServer.PASSWORD);
                Statement sql = connection.createStatement()) {
            sql.execute(statement);
        }
    }
}
