package org.fieldsafety.fsca.vigilance.render;

import static org.fieldsafety.fsca.vigilance.Reports.fsca;
import static org.fieldsafety.fsca.vigilance.Reports.fscaReport;
import static org.fieldsafety.fsca.vigilance.Reports.incidentReport;
import static org.fieldsafety.fsca.vigilance.Reports.investigationConcluded;
import static org.fieldsafety.fsca.vigilance.Reports.investigationUnderWay;
import static org.fieldsafety.fsca.vigilance.Reports.periodicSummaryReport;
import static org.fieldsafety.fsca.vigilance.Reports.trendReport;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.fieldsafety.fsca.vigilance.Regime;
import org.fieldsafety.fsca.vigilance.VigilanceReportDocument;
import org.fieldsafety.fsca.vigilance.VigilanceReportKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden files: every document a regulator takes, made from one fixed case, as its submission file
 * (checked against its schema) and as the text of its PDF. {@code -Dgolden.update=true} writes the golden
 * files anew (review the diff); the PDFs themselves are left in {@code target/vigilance-pdf} to look at.
 */
class VigilanceDocumentsTest {

    private static final Path GOLDEN = Path.of("src/test/resources/vigilance/golden");
    private static final Path PDFS = Path.of("target/vigilance-pdf");
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    private final VigilanceDocuments documents = new VigilanceDocuments();

    static Stream<Arguments> documents() {
        VigilanceReportDocument supplemental = incidentReport(
                Regime.US_FDA, VigilanceReportKind.SUPPLEMENTAL, "FDA CDRH", "21 CFR 803.56", investigationConcluded());
        return Stream.of(
                Arguments.of(
                        "eu-mir-initial",
                        incidentReport(
                                Regime.EU_MDR,
                                VigilanceReportKind.INITIAL,
                                "BfArM (DE)",
                                "Art. 87(3)",
                                investigationUnderWay())),
                Arguments.of(
                        "eu-mir-final",
                        incidentReport(
                                Regime.EU_MDR,
                                VigilanceReportKind.FINAL,
                                "BfArM (DE)",
                                "Art. 87(3)",
                                investigationConcluded())),
                Arguments.of("eu-fsca", fscaReport(Regime.EU_MDR, VigilanceReportKind.FSCA, "BfArM (DE)")),
                Arguments.of("eu-trend", trendReport(Regime.EU_MDR, "BfArM (DE)")),
                Arguments.of("eu-psr", periodicSummaryReport()),
                Arguments.of(
                        "us-emdr-5-day",
                        incidentReport(
                                Regime.US_FDA,
                                VigilanceReportKind.FIVE_DAY,
                                "FDA CDRH",
                                "21 CFR 803.53",
                                investigationUnderWay())),
                Arguments.of(
                        "us-emdr-30-day",
                        incidentReport(
                                Regime.US_FDA,
                                VigilanceReportKind.INITIAL,
                                "FDA CDRH",
                                "21 CFR 803.50",
                                investigationUnderWay())),
                Arguments.of(
                        "us-emdr-supplemental",
                        new VigilanceReportDocument(
                                supplemental.administrative(),
                                supplemental.manufacturer(),
                                supplemental.device(),
                                supplemental.incident(),
                                supplemental.investigation(),
                                fsca(),
                                null)),
                Arguments.of("us-806", fscaReport(Regime.US_FDA, VigilanceReportKind.CORRECTION_REMOVAL, "FDA CDRH")),
                Arguments.of(
                        "gb-mir-initial",
                        incidentReport(
                                Regime.UK_MHRA, VigilanceReportKind.INITIAL, "MHRA", null, investigationUnderWay())),
                Arguments.of("gb-fsca", fscaReport(Regime.UK_MHRA, VigilanceReportKind.FSCA, "MHRA")),
                Arguments.of("gb-trend", trendReport(Regime.UK_MHRA, "MHRA")),
                Arguments.of(
                        "ca-problem-report",
                        incidentReport(
                                Regime.CA_HC,
                                VigilanceReportKind.INITIAL,
                                "Health Canada",
                                "SOR/98-282 s. 59",
                                investigationUnderWay())),
                Arguments.of(
                        "au-adverse-event",
                        incidentReport(
                                Regime.AU_TGA,
                                VigilanceReportKind.INITIAL,
                                "TGA",
                                "Therapeutic Goods (Medical Devices) Regulations 2002 reg. 5.7",
                                investigationUnderWay())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void theSubmissionFileMeetsItsSchemaAndMatchesItsGoldenFile(String name, VigilanceReportDocument document)
            throws IOException {
        VigilanceDocuments.Rendition pdf = documents.pdf(document);
        assertEquals("application/pdf", pdf.mediaType());
        Files.createDirectories(PDFS);
        Files.write(PDFS.resolve(name + ".pdf"), pdf.content());
        compare(name + ".pdf.txt", text(pdf.content()));

        if (pdf.format().hasXml()) {
            VigilanceDocuments.Rendition xml = documents.xml(document);
            Schemas.validate(xml.format(), xml.content());
            assertEquals(
                    document.administrative().reportId() + "-"
                            + xml.format().name().toLowerCase() + ".xml",
                    xml.fileName());
            compare(name + ".xml", new String(xml.content(), StandardCharsets.UTF_8));
        } else {
            assertFalse(Files.exists(GOLDEN.resolve(name + ".xml")), name + " has no submission file");
        }
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static void compare(String file, String actual) throws IOException {
        Path golden = GOLDEN.resolve(file);
        if (UPDATE) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, actual);
        }
        assertEquals(
                Files.readString(golden),
                actual,
                file + " differs from its golden file (-Dgolden.update=true rewrites it)");
    }
}
