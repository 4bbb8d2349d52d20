package org.fieldsafety.fsca.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.fieldsafety.fsca.cases.CaseStatus;
import org.fieldsafety.fsca.cases.ClockState;
import org.fieldsafety.fsca.cases.api.FscaCaseResponse.ClockResponse;
import org.fieldsafety.fsca.cases.api.FscaCaseSummary;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class DeadlineChartTest {

    private static final Instant NOW = Instant.parse("2026-05-10T12:00:00Z");

    @Test
    void eachDeadlineIsADotRightOfTodaysLineOrLeftOfItWhenMissed() throws Exception {
        Document svg = parse(DeadlineChart.of(
                List.of(
                        summary("late", Duration.ofDays(-1)),
                        summary("soon", Duration.ofHours(5)),
                        summary("later", Duration.ofDays(12))),
                NOW));
        double today = Double.parseDouble(((Element) svg.getElementsByTagName("text")
                        .item(svg.getElementsByTagName("text").getLength() - 1))
                .getAttribute("x"));
        NodeList dots = svg.getElementsByTagName("circle");
        assertEquals(3, dots.getLength());
        double late = cx(dots, 0);
        double soon = cx(dots, 1);
        double later = cx(dots, 2);
        assertTrue(late < today - 4 && today - 4 < soon && soon < later, late + " " + today + " " + soon + " " + later);
        assertEquals("#b00020", ((Element) dots.item(0)).getAttribute("fill"), "missed: red");
        assertEquals("#8a5a00", ((Element) dots.item(1)).getAttribute("fill"), "due within a day: amber");
    }

    @Test
    void theTextAlternativeNamesEveryDeadline() throws Exception {
        Document svg = parse(DeadlineChart.of(List.of(summary("a", Duration.ofDays(2))), NOW));
        String desc = svg.getElementsByTagName("desc").item(0).getTextContent();
        assertTrue(desc.startsWith("All 1 reporting deadlines of the open cases, as of 10 May 2026, 12:00 UTC"), desc);
        assertTrue(desc.contains("EU MDR Art. 87(3) due 12 May 2026, 12:00 UTC, 2 days 0 hours left"), desc);
        assertEquals("img", svg.getDocumentElement().getAttribute("role"));
    }

    @Test
    void textIsEscapedSoTheDrawingStaysWellFormed() throws Exception {
        FscaCaseSummary odd = new FscaCaseSummary(
                "c", "p", "<script>&\"'", CaseStatus.OPEN, null, false, 1, 0, clock(Duration.ofDays(1)), false);
        DeadlineChart chart = DeadlineChart.of(List.of(odd), NOW);
        assertFalse(chart.svg().getValue().contains("<script>"));
        parse(chart);
    }

    @Test
    void aLongQueueDrawsItsNearestDeadlinesAndSaysSo() throws Exception {
        List<FscaCaseSummary> many = IntStream.range(0, DeadlineChart.MAX_ROWS + 5)
                .mapToObj(i -> summary("c" + i, Duration.ofHours(i + 1)))
                .toList();
        DeadlineChart chart = DeadlineChart.of(many, NOW);
        assertEquals(DeadlineChart.MAX_ROWS, chart.shown());
        assertEquals(DeadlineChart.MAX_ROWS + 5, chart.total());
        assertTrue(parse(chart)
                .getElementsByTagName("desc")
                .item(0)
                .getTextContent()
                .startsWith("The 40 nearest of 45"));
    }

    @Test
    void casesWithoutARunningClockAreLeftOut() throws Exception {
        FscaCaseSummary none = new FscaCaseSummary("c", "p", "P", CaseStatus.DECIDED, null, false, 1, 0, null, false);
        DeadlineChart chart = DeadlineChart.of(List.of(none), NOW);
        assertEquals(0, chart.total());
        assertEquals(
                "No open case has a running reporting clock.",
                parse(chart).getElementsByTagName("desc").item(0).getTextContent());
    }

    private static double cx(NodeList dots, int i) {
        return Double.parseDouble(((Element) dots.item(i)).getAttribute("cx"));
    }

    private static FscaCaseSummary summary(String caseId, Duration left) {
        return new FscaCaseSummary(
                caseId,
                caseId + "-problem",
                "PUMP",
                CaseStatus.OPEN,
                null,
                false,
                1,
                0,
                clock(left),
                left.isNegative());
    }

    private static ClockResponse clock(Duration left) {
        return new ClockResponse(
                "EU_MDR",
                "Art. 87(3)",
                NOW.plus(left),
                left.isNegative() ? ClockState.MISSED : ClockState.OPEN,
                left.toString(),
                left.isNegative(),
                null,
                null,
                null,
                0);
    }

    private static Document parse(DeadlineChart chart) throws Exception {
        return DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(chart.svg().getValue().getBytes(StandardCharsets.UTF_8)));
    }
}
