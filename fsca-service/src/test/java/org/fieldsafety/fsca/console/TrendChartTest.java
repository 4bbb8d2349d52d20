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
import java.util.stream.IntStream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.fieldsafety.fsca.cases.TrendSignal;
import org.fieldsafety.fsca.console.problems.ProblemWeeks;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class TrendChartTest {

    private static final Instant FIRST_MONDAY = Instant.parse("2026-04-06T00:00:00Z");

    @Test
    void eachWeekIsABarToScaleAgainstTheExpectedLine() throws Exception {
        TrendChart chart = TrendChart.of(weeks(1.5, 0, 3, 6, 1), List.of());
        Document svg = parse(chart);
        NodeList bars = weekBars(svg);
        assertEquals(4, bars.getLength());
        double bottom = y(bars, 0) + height(bars, 0);
        assertEquals(0, height(bars, 0), 0.05);
        assertEquals(height(bars, 2) / 2, height(bars, 1), 0.1, "3 reports: half the height of 6");
        double expectedY = Double.parseDouble(expectedLine(svg).getAttribute("y1"));
        assertEquals(bottom - height(bars, 2) / 4, expectedY, 0.5, "1.5 expected: a quarter of 6");
        assertEquals("1.5", chart.expected());
        assertEquals(0, svg.getElementsByTagName("g").getLength(), "no signal, no shaded window");
    }

    @Test
    void theWeeksInASignalsWindowAreShadedMarkedAndListed() throws Exception {
        TrendSignal signal = new TrendSignal(
                "s1",
                "event-log",
                "E-LOG",
                FIRST_MONDAY.plus(Duration.ofDays(10)), // in the second week
                FIRST_MONDAY.plus(Duration.ofDays(17)), // into the third
                8,
                0.7,
                "POISSON",
                FIRST_MONDAY.plus(Duration.ofDays(17)));
        TrendChart chart = TrendChart.of(weeks(0.7, 0, 1, 5, 3), List.of(signal));
        assertEquals(
                List.of(false, true, true, false),
                chart.rows().stream().map(TrendChart.Row::signal).toList());
        Document svg = parse(chart);
        Element window = (Element) svg.getElementsByTagName("g").item(0);
        assertEquals("s1", window.getAttribute("data-signal"));
        assertTrue(window.getTextContent().contains("\u25b2 signal"));
        Element shade = (Element) window.getElementsByTagName("rect").item(0);
        NodeList bars = weekBars(svg);
        double second = Double.parseDouble(((Element) bars.item(1)).getAttribute("x"));
        double fourth = Double.parseDouble(((Element) bars.item(3)).getAttribute("x"));
        double shadeStart = Double.parseDouble(shade.getAttribute("x"));
        double shadeEnd = shadeStart + Double.parseDouble(shade.getAttribute("width"));
        assertTrue(shadeStart < second && second < shadeEnd && shadeEnd < fourth, shadeStart + " " + shadeEnd);

        String desc = svg.getElementsByTagName("desc").item(0).getTextContent();
        assertTrue(
                desc.startsWith("Reports of event-log E-LOG per week, 4 weeks: week of 6 Apr 2026: 0 reports;"
                        + " week of 13 Apr 2026: 1 report, in a trend signal's window;"),
                desc);
        assertTrue(desc.contains("Expected per week: 0.7 (Own baseline)."), desc);
        assertTrue(desc.contains("Trend signal: 8 reports from 16 Apr 2026, 00:00 UTC"), desc);
        assertEquals("img", svg.getDocumentElement().getAttribute("role"));
        assertEquals(
                "trend-chart-title trend-chart-desc", svg.getDocumentElement().getAttribute("aria-labelledby"));
    }

    @Test
    void beforeTheFirstEvaluationThereIsNoExpectedLine() throws Exception {
        TrendChart chart = TrendChart.of(weeks(null, 2, 0), List.of());
        assertNull(chart.expected());
        Document svg = parse(chart);
        assertNull(expectedLine(svg));
        assertTrue(svg.getElementsByTagName("desc").item(0).getTextContent().contains("No expected rate yet"));
    }

    @Test
    void textIsEscapedSoTheDrawingStaysWellFormed() throws Exception {
        ProblemWeeks odd = new ProblemWeeks(
                "p",
                "PUMP",
                "<script>&\"'",
                "F",
                List.of(new ProblemWeeks.Week(FIRST_MONDAY, 1)),
                1.0,
                "X",
                null,
                null);
        TrendChart chart = TrendChart.of(odd, List.of());
        assertFalse(chart.svg().getValue().contains("<script>"));
        parse(chart);
    }

    private static ProblemWeeks weeks(Double expected, long... reports) {
        return new ProblemWeeks(
                "p",
                "PUMP",
                "event-log",
                "E-LOG",
                IntStream.range(0, reports.length)
                        .mapToObj(i -> new ProblemWeeks.Week(FIRST_MONDAY.plus(Duration.ofDays(7L * i)), reports[i]))
                        .toList(),
                expected,
                expected == null ? null : "OWN_BASELINE",
                null,
                null);
    }

    private static NodeList weekBars(Document svg) throws Exception {
        return (NodeList)
                XPathFactory.newInstance().newXPath().evaluate("//rect[@class='week']", svg, XPathConstants.NODESET);
    }

    private static Element expectedLine(Document svg) throws Exception {
        return (Element)
                XPathFactory.newInstance().newXPath().evaluate("//line[@id='expected-line']", svg, XPathConstants.NODE);
    }

    private static double y(NodeList bars, int i) {
        return Double.parseDouble(((Element) bars.item(i)).getAttribute("y"));
    }

    private static double height(NodeList bars, int i) {
        return Double.parseDouble(((Element) bars.item(i)).getAttribute("height"));
    }

    private static Document parse(TrendChart chart) throws Exception {
        return DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(chart.svg().getValue().getBytes(StandardCharsets.UTF_8)));
    }
}
