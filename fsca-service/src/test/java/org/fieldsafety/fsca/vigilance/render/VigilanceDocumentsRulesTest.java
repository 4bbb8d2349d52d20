package org.fieldsafety.fsca.vigilance.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.fieldsafety.fsca.vigilance.CodedTerm;
import org.fieldsafety.fsca.vigilance.Regime;
import org.fieldsafety.fsca.vigilance.Reports;
import org.fieldsafety.fsca.vigilance.SubmissionFormat;
import org.fieldsafety.fsca.vigilance.VigilanceReportDocument;
import org.fieldsafety.fsca.vigilance.VigilanceReportDocument.Address;
import org.fieldsafety.fsca.vigilance.VigilanceReportDocument.IncidentDetails;
import org.fieldsafety.fsca.vigilance.VigilanceReportDocument.Manufacturer;
import org.fieldsafety.fsca.vigilance.VigilanceReportKind;
import org.fieldsafety.platform.domain.DomainException;
import org.fieldsafety.platform.domain.InvalidInput;
import org.junit.jupiter.api.Test;

/** What the renderers refuse, and how they cope with what a form cannot show. */
class VigilanceDocumentsRulesTest {

    private final VigilanceDocuments documents = new VigilanceDocuments();

    @Test
    void aMirWithoutImdrfDeviceProblemCodesDoesNotMeetItsSchema() {
        VigilanceReportDocument report =
                Reports.incidentReport(Regime.EU_MDR, VigilanceReportKind.INITIAL, "BfArM (DE)", "Art. 87(3)", null);
        IncidentDetails incident = report.incident();
        VigilanceReportDocument uncoded = new VigilanceReportDocument(
                report.administrative(),
                report.manufacturer(),
                report.device(),
                new IncidentDetails(
                        incident.incidentReportId(),
                        incident.narrative(),
                        incident.occurredOn(),
                        incident.country(),
                        incident.patientOutcome(),
                        null,
                        null,
                        List.of(),
                        null,
                        incident.healthImpacts()),
                null,
                null,
                null);
        DomainException refused = assertThrows(DomainException.class, () -> documents.xml(uncoded));
        assertInstanceOf(InvalidInput.class, refused);
        assertEquals("incomplete-vigilance-report", refused.code());
        assertTrue(refused.getMessage().contains("healthImpact"), refused.getMessage());
    }

    @Test
    void aReportWithoutThePartItsFormNeedsIsRefusedNamingIt() {
        VigilanceReportDocument trend = Reports.trendReport(Regime.EU_MDR, "BfArM (DE)");
        VigilanceReportDocument noIncident = new VigilanceReportDocument(
                Reports.administrative(Regime.EU_MDR, VigilanceReportKind.INITIAL, "BfArM (DE)", "Art. 87(3)"),
                trend.manufacturer(),
                trend.device(),
                null,
                null,
                null,
                null);
        DomainException refused = assertThrows(DomainException.class, () -> documents.pdf(noIncident));
        assertEquals("incomplete-vigilance-report", refused.code());
        assertEquals("The Manufacturer Incident Report needs the report's incident", refused.getMessage());
        VigilanceReportDocument noFsca = new VigilanceReportDocument(
                Reports.administrative(Regime.US_FDA, VigilanceReportKind.CORRECTION_REMOVAL, "FDA CDRH", null),
                trend.manufacturer(),
                trend.device(),
                null,
                null,
                null,
                null);
        assertEquals(
                "incomplete-vigilance-report",
                assertThrows(DomainException.class, () -> documents.xml(noFsca)).code());
        VigilanceReportDocument noTrend = new VigilanceReportDocument(
                Reports.administrative(Regime.EU_MDR, VigilanceReportKind.TREND, "BfArM (DE)", "Art. 88"),
                trend.manufacturer(),
                trend.device(),
                null,
                null,
                null,
                null);
        assertEquals(
                "incomplete-vigilance-report",
                assertThrows(DomainException.class, () -> documents.xml(noTrend))
                        .code());
        VigilanceReportDocument noSummary = new VigilanceReportDocument(
                Reports.administrative(Regime.EU_MDR, VigilanceReportKind.PERIODIC_SUMMARY, "BfArM (DE)", "Art. 87(9)"),
                trend.manufacturer(),
                trend.device(),
                null,
                null,
                null,
                null);
        assertEquals(
                "The Periodic Summary Report needs the report's periodic summary",
                assertThrows(DomainException.class, () -> documents.pdf(noSummary))
                        .getMessage());
    }

    @Test
    void anAuthorityThatTakesOnlyItsFormGetsNoFile() {
        VigilanceReportDocument canada =
                Reports.incidentReport(Regime.CA_HC, VigilanceReportKind.INITIAL, "Health Canada", null, null);
        DomainException refused = assertThrows(DomainException.class, () -> documents.xml(canada));
        assertEquals("no-submission-file", refused.code());
        assertEquals(SubmissionFormat.CA_PROBLEM_REPORT, documents.pdf(canada).format());
    }

    @Test
    void theEmdrSendsFdaCodesWhereFdaHasThemAndTheImdrfCodeOtherwise() {
        FdaCodes shipped = FdaCodes.shipped();
        Form.Value mapped = shipped.value(new CodedTerm("C0101", "Biocompatibility Problem Identified", "2022"), "C");
        assertEquals(new Form.Value("Biocompatibility Problem", "3203", "FDA-CDRH-EVALUATION-RESULT", null), mapped);
        assertEquals("3203 Biocompatibility Problem (FDA-CDRH-EVALUATION-RESULT)", mapped.printed());
        Form.Value imdrf = shipped.value(Reports.INCORRECT_ALGORITHM, "C");
        assertEquals(new Form.Value("Incorrect Algorithm", "C100202", "IMDRF-AET-C", "2022"), imdrf);

        VigilanceReportDocument report = Reports.incidentReport(
                Regime.US_FDA,
                VigilanceReportKind.INITIAL,
                "FDA CDRH",
                "21 CFR 803.50",
                Reports.investigationConcluded());
        VigilanceDocuments withTable = new VigilanceDocuments(new FdaCodes(
                Map.of("C100202", new FdaCodes.FdaCode("C100202", "9999", "Test row, not FDA data", "FDA-TEST"))));
        String xml = new String(withTable.xml(report).content(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(
                xml.contains("<value code=\"9999\" codeSystemName=\"FDA-TEST\">Test row, not FDA data</value>"), xml);
        assertTrue(xml.contains("code=\"A110202\" codeSystemName=\"IMDRF-AET-A\" codeSystemVersion=\"2022\""), xml);
    }

    @Test
    void textTheFontCannotShowIsReplacedAndLongTextRunsOntoMorePages() throws IOException {
        VigilanceReportDocument report =
                Reports.incidentReport(Regime.AU_TGA, VigilanceReportKind.INITIAL, "TGA", null, null);
        IncidentDetails incident = report.incident();
        String narrative = "Dose ≥ 25 units → 10× too large.\tSee log " + "x".repeat(300) + "\r\n"
                + "The pump kept running. ".repeat(400);
        VigilanceReportDocument longOne = new VigilanceReportDocument(
                report.administrative(),
                report.manufacturer(),
                report.device(),
                new IncidentDetails(
                        incident.incidentReportId(),
                        narrative,
                        incident.occurredOn(),
                        incident.country(),
                        incident.patientOutcome(),
                        incident.patient(),
                        incident.reporter(),
                        incident.deviceProblems(),
                        incident.clinicalSigns(),
                        incident.healthImpacts()),
                null,
                null,
                null);
        String text = VigilanceDocumentsTest.text(documents.pdf(longOne).content());
        assertTrue(text.contains("Dose ? 25 units ? 10× too large. See log"), text);
        assertTrue(text.contains("page 2 of "), text);
        assertTrue(text.lines().noneMatch(line -> line.length() > 120), "every line wrapped");
    }

    @Test
    void aCorrectionReportSaysWhatIsNotKnownYetAndWhenItFollows() throws IOException {
        VigilanceReportDocument report = Reports.fscaReport(Regime.US_FDA, VigilanceReportKind.FSCA, "FDA CDRH");
        VigilanceReportDocument.FscaLink fsca = report.fsca();
        VigilanceReportDocument early = new VigilanceReportDocument(
                report.administrative(),
                report.manufacturer(),
                new VigilanceReportDocument.Device(null, "Insulin pump X", null, "4.2.1", null, null, null),
                null,
                null,
                new VigilanceReportDocument.FscaLink(
                        fsca.reference(),
                        null,
                        fsca.action(),
                        fsca.reason(),
                        null,
                        null,
                        null,
                        fsca.affectedSoftwareVersions(),
                        null,
                        fsca.countries(),
                        fsca.responsiblePerson()),
                null);
        String xml = new String(documents.xml(early).content(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(
                xml.contains(
                        "<item>Number of devices subject to the action: being established, submitted when known</item>"),
                xml);
        assertTrue(
                xml.contains("<item>Communication to consignees: not issued yet, submitted when issued</item>"), xml);
        assertTrue(xml.contains("<item>UDI-DI: not recorded for this device, submitted when known</item>"), xml);
        assertTrue(VigilanceDocumentsTest.text(documents.pdf(early).content()).contains("4d  Illness or injury"));
    }

    @Test
    void anEmdrOfADeathWithoutPatientOrReporterDetailsLeavesThemOut() {
        VigilanceReportDocument report = Reports.incidentReport(
                Regime.US_FDA,
                VigilanceReportKind.FIVE_DAY,
                "FDA CDRH",
                "21 CFR 803.53",
                new VigilanceReportDocument.Investigation(
                        List.of(), List.of(), List.of(), List.of(), "Overflow", null, null, false));
        IncidentDetails incident = report.incident();
        VigilanceReportDocument death = new VigilanceReportDocument(
                report.administrative(),
                report.manufacturer(),
                report.device(),
                new IncidentDetails(
                        incident.incidentReportId(),
                        incident.narrative(),
                        incident.occurredOn(),
                        "US",
                        org.fieldsafety.fsca.vigilance.PatientOutcome.DEATH,
                        null,
                        new VigilanceReportDocument.Reporter("DEVICE", null, "US", false),
                        incident.deviceProblems(),
                        null,
                        incident.healthImpacts()),
                report.investigation(),
                null,
                null);
        String xml = new String(documents.xml(death).content(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(xml.contains("<value>Death</value>"), xml);
        assertTrue(xml.contains("<value>Domestic</value>"), xml);
        assertTrue(xml.contains("<value>DEVICE</value>"), xml);
        assertTrue(xml.contains("<value>Root cause: Overflow</value>"), xml);
        assertTrue(!xml.contains("displayName=\"Age (years)\""), xml);
        VigilanceReportDocument noHarm = new VigilanceReportDocument(
                report.administrative(),
                report.manufacturer(),
                report.device(),
                new IncidentDetails(
                        incident.incidentReportId(),
                        incident.narrative(),
                        incident.occurredOn(),
                        "US",
                        org.fieldsafety.fsca.vigilance.PatientOutcome.NO_HARM,
                        null,
                        null,
                        incident.deviceProblems(),
                        List.of(),
                        List.of(new CodedTerm("F26", "No Health Consequences or Impact", "2022"))),
                null,
                null,
                null);
        String product = new String(documents.xml(noHarm).content(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(product.contains("<value>Product problem</value>"), product);
        assertTrue(product.contains("<value>Malfunction</value>"), product);
    }

    /** What the case does not know (the reporter, the manufacturer's city) is "not known", never "null" or "No". */
    @Test
    void anEmdrLeavesWhatTheCaseDoesNotKnowUnknown() throws IOException {
        VigilanceReportDocument report =
                Reports.incidentReport(Regime.US_FDA, VigilanceReportKind.INITIAL, "FDA CDRH", "21 CFR 803.50", null);
        IncidentDetails incident = report.incident();
        Manufacturer known = report.manufacturer();
        VigilanceReportDocument draft = new VigilanceReportDocument(
                report.administrative(),
                new Manufacturer(
                        known.name(),
                        known.srn(),
                        known.fdaRegistrationNumber(),
                        new Address(null, null, null, "DE"),
                        null,
                        null,
                        null),
                report.device(),
                new IncidentDetails(
                        incident.incidentReportId(),
                        incident.narrative(),
                        incident.occurredOn(),
                        incident.country(),
                        incident.patientOutcome(),
                        null,
                        null,
                        incident.deviceProblems(),
                        incident.clinicalSigns(),
                        incident.healthImpacts()),
                null,
                null,
                null);
        String text = VigilanceDocumentsTest.text(documents.pdf(draft).content());
        assertFalse(text.contains("null"), text);
        assertTrue(text.contains("D3  Manufacturer name, city and country Example Medical GmbH, DE"), text);
        assertTrue(text.contains("E2  Health professional? not known"), text);
        assertFalse(
                new String(documents.xml(draft).content(), java.nio.charset.StandardCharsets.UTF_8).contains("null"));
    }
}
