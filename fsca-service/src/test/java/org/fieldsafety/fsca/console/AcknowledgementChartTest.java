package org.fieldsafety.fsca.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.fieldsafety.fsca.cases.FieldSafetyNotice;
import org.fieldsafety.fsca.cases.query.FscaCaseView.Acknowledgement;
import org.fieldsafety.fsca.cases.query.FscaCaseView.DeliveryFailure;
import org.fieldsafety.fsca.cases.query.FscaCaseView.Notice;
import org.fieldsafety.platform.signature.Signature;
import org.fieldsafety.platform.signature.SignatureMeaning;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class AcknowledgementChartTest {

    private static final Instant ISSUED = Instant.parse("2026-05-01T09:00:00Z");
    private static final Instant NOW = ISSUED.plus(Duration.ofDays(6));

    @Test
    void noNoticeNoChart() {
        assertNull(AcknowledgementChart.of(List.of(), List.of(), NOW));
    }

    @Test
    void acknowledgementsRiseInStepsUpToTheRecipientsLine() throws Exception {
        Notice notice = notice(
                "FSN-1",
                ISSUED,
                List.of("Clinic A", "Clinic B", "Clinic C", "Clinic D"),
                List.of(
                        new Acknowledgement("Clinic A", ISSUED.plus(Duration.ofDays(1))),
                        new Acknowledgement("Clinic C", ISSUED.plus(Duration.ofDays(3)))));
        AcknowledgementChart chart = AcknowledgementChart.of(List.of(notice), List.of(), NOW);
        assertEquals(4, chart.recipients());
        assertEquals(2, chart.acknowledged());
        assertEquals(0, chart.failures());

        Document svg = parse(chart);
        String recipients = path(svg, "recipients-line");
        String acknowledged = path(svg, "acknowledged-line");
        double top = lastY(recipients);
        double bottom = firstY(acknowledged);
        double reached = lastY(acknowledged);
        assertEquals(bottom, firstY(recipients), "both lines start at zero");
        assertTrue(top < reached && reached < bottom, top + " " + reached + " " + bottom);
        assertEquals((top + bottom) / 2, reached, 0.5, "two of four recipients: half way up");
        assertEquals(2, acknowledged.split(" V").length - 1, "one step per acknowledgement");
    }

    @Test
    void aFollowUpNoticeRaisesTheRecipientsLineAndFailuresAreMarked() throws Exception {
        Notice first = notice("FSN-1", ISSUED, List.of("Clinic A"), List.of());
        Notice followUp = notice("FSN-2", ISSUED.plus(Duration.ofDays(2)), List.of("Clinic A", "Clinic B"), List.of());
        DeliveryFailure failure =
                new DeliveryFailure("Clinic B", "Mailbox full", 3, true, ISSUED.plus(Duration.ofDays(4)), "FSN-2");
        AcknowledgementChart chart = AcknowledgementChart.of(List.of(followUp, first), List.of(failure), NOW);
        assertEquals(3, chart.recipients());
        assertEquals(1, chart.failures());

        Document svg = parse(chart);
        assertEquals(2, path(svg, "recipients-line").split(" V").length - 1, "one rise per notice");
        Element mark = (Element) svg.getElementsByTagName("g").item(0);
        assertEquals("delivery-failure", mark.getAttribute("class"));
        assertEquals(
                "Delivery to Clinic B failed 5 May 2026, 09:00 UTC (attempt 3, final): Mailbox full",
                mark.getTextContent());
        String desc = svg.getElementsByTagName("desc").item(0).getTextContent();
        assertTrue(desc.startsWith("0 of 3 recipients acknowledged receipt as of 7 May 2026, 09:00 UTC."), desc);
        assertTrue(desc.contains("Notice FSN-2 issued 3 May 2026, 09:00 UTC to 2 recipients."), desc);
        assertTrue(desc.contains("Delivery to Clinic B failed"), desc);
        assertEquals("img", svg.getDocumentElement().getAttribute("role"));
    }

    @Test
    void textIsEscapedSoTheDrawingStaysWellFormed() throws Exception {
        Notice notice = notice(
                "FSN-1",
                ISSUED,
                List.of("<script>&\"'"),
                List.of(new Acknowledgement("<script>&\"'", ISSUED.plus(Duration.ofHours(1)))));
        AcknowledgementChart chart = AcknowledgementChart.of(List.of(notice), List.of(), NOW);
        assertFalse(chart.svg().getValue().contains("<script>"));
        parse(chart);
    }

    private static Notice notice(
            String reference, Instant issued, List<String> recipients, List<Acknowledgement> acks) {
        FieldSafetyNotice fsn = new FieldSafetyNotice(
                "Urgent Field Safety Notice",
                reference,
                1,
                null,
                null,
                "PUMP",
                null,
                List.of(),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        return new Notice(
                fsn, recipients, acks, new Signature("ra", "Rosa Alvarez", SignatureMeaning.AUTHORSHIP, issued));
    }

    private static String path(Document svg, String id) {
        for (int i = 0; i < svg.getElementsByTagName("path").getLength(); i++) {
            Element path = (Element) svg.getElementsByTagName("path").item(i);
            if (id.equals(path.getAttribute("id"))) {
                return path.getAttribute("d");
            }
        }
        throw new AssertionError("no path " + id);
    }

    private static double firstY(String d) {
        return Double.parseDouble(d.split(" ")[1]);
    }

    private static double lastY(String d) {
        return Double.parseDouble(d.substring(d.lastIndexOf(" V") + 2).split(" ")[0]);
    }

    private static Document parse(AcknowledgementChart chart) throws Exception {
        return DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(chart.svg().getValue().getBytes(StandardCharsets.UTF_8)));
    }
}
