package org.fieldsafety.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.fieldsafety.contracts.FieldReportReceived.PatientOutcome;
import org.fieldsafety.contracts.FieldReportReceived.ReportSource;
import org.fieldsafety.pms.Complaint;
import org.junit.jupiter.api.Test;

class DemoTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private final List<FieldReport> reports = Demo.reports(NOW, Demo.REPORTS, 42);

    @Test
    void everyReportFollowsTheIntakeRules() {
        assertEquals(Demo.REPORTS, reports.size());
        for (FieldReport report : reports) {
            assertNotNull(report.source());
            assertEquals(Demo.PRODUCT_ID, report.productId());
            assertNotNull(report.softwareVersion());
            assertTrue(Instant.parse(report.occurredAt()).isBefore(NOW), report.occurredAt());
            assertTrue(report.country().matches("[A-Z]{2}"), report.country());
            assertNotNull(report.patientOutcome());
            if (report.source() == ReportSource.DEVICE_TELEMETRY || report.source() == ReportSource.MOBILE_APP) {
                assertNotNull(report.faultCode(), "fault code of " + report);
            }
            if (report.source() == ReportSource.CUSTOMER_COMPLAINT) {
                assertNotNull(report.description(), "description of " + report);
            }
        }
    }

    @Test
    void faultCodesComeFromTheProductsHazardCatalogue() {
        Set<String> catalogue = Demo.PRODUCT.hazards().stream()
                .map(hazard -> hazard.faultCode() + "@" + hazard.softwareItem())
                .collect(Collectors.toSet());
        reports.stream()
                .filter(report -> report.faultCode() != null)
                .forEach(report -> assertTrue(
                        catalogue.contains(report.faultCode() + "@" + report.softwareItem()), report.toString()));
        Set<String> items = Demo.PRODUCT.softwareItems().stream()
                .map(Demo.SoftwareItem::safetyClass)
                .collect(Collectors.toSet());
        assertEquals(Set.of("A", "B", "C"), items);
    }

    @Test
    void theStreamIsMixed() {
        assertEquals(4, count(FieldReport::source));
        assertTrue(count(FieldReport::patientOutcome) >= 4);
        assertTrue(count(FieldReport::country) >= 4);
        assertTrue(count(FieldReport::softwareVersion) >= 3);
        assertEquals(
                4,
                reports.stream()
                        .map(FieldReport::faultCode)
                        .filter(code -> code != null)
                        .distinct()
                        .count());
    }

    @Test
    void theJsonHasOnlyTheFieldsThatAreSet() {
        FieldReport complaint = reports.stream()
                .filter(report -> report.source() == ReportSource.CUSTOMER_COMPLAINT)
                .findFirst()
                .orElseThrow();
        JsonNode json = ApiClient.JSON.valueToTree(complaint);
        assertEquals("CUSTOMER_COMPLAINT", json.path("source").asText());
        assertTrue(json.has("description"));
        assertTrue(!json.has("attributes") && !json.has("reporter"), json.toString());
    }

    @Test
    void theComplaintsAreDistinctPastAndFromTheCatalogue() {
        List<Complaint> complaints = Demo.complaints(NOW, Demo.COMPLAINTS, 42);
        assertEquals(
                Demo.COMPLAINTS,
                complaints.stream().map(Complaint::complaintId).distinct().count());
        Set<String> faultCodes =
                Demo.PRODUCT.hazards().stream().map(Demo.Hazard::faultCode).collect(Collectors.toSet());
        for (Complaint complaint : complaints) {
            assertTrue(complaint.occurredAt().isBefore(NOW), complaint.toString());
            assertTrue(faultCodes.contains(complaint.faultCode()), complaint.toString());
            assertNotNull(PatientOutcome.valueOf(complaint.patientOutcome()));
        }
    }

    private long count(Function<FieldReport, ?> field) {
        return reports.stream().map(field).distinct().count();
    }
}
