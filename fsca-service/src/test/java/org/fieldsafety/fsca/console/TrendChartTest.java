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
import org.fieldsafety.fsca.cases.TrendSignal;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class TrendChartTest {

    private static final Instant START = Instant.parse("2026-04-01T00:00:00Z");

    @Test
    void noSignalNoChart() {
        assertNull(TrendChart.of(List.of()));
    }

    @Test
    void eachWindowShowsItsObservedReportsAboveTheExpected() throws Exception {
        TrendChart chart = TrendChart.of(List.of(signal("late", 30, 8, 2.5), signal("early", 0, 6, 3.0)));
        assertEquals(2, chart.shown());
        Document svg = parse(chart);
        NodeList windows = svg.getElementsByTagName("g");
        assertEquals(2, windows.getLength());
        Element first = (Element) windows.item(0);
        assertEquals("early", first.getAttribute("data-signal"), "in the order raised");
        NodeList bars = first.getElementsByTagName("rect");
        double observed = height(bars, 0);
        double expected = height(bars, 1);
        assertEquals(observed / 6 * 3.0, expected, 1, "bars to scale: 6 observed, 3 expected");
        assertTrue(first.getTextContent().contains("\u25b2 signal"), "marked as a signal");
    }

    @Test
    void theTextAlternativeNamesEveryWindow() throws Exception {
        Document svg = parse(TrendChart.of(List.of(signal("s", 0, 8, 0.7))));
        String desc = svg.getElementsByTagName("desc").item(0).getTextContent();
        assertEquals(
                "All 1 trend signals of the problem: 8 reports of dose-calculator E-LOG from 1 Apr 2026, 00:00 UTC"
                        + " to 29 Apr 2026, 00:00 UTC against 0.7 expected (POISSON), signal raised 29 Apr 2026, 00:00 UTC.",
                desc);
        assertEquals("img", svg.getDocumentElement().getAttribute("role"));
        assertEquals(
                "trend-chart-title trend-chart-desc", svg.getDocumentElement().getAttribute("aria-labelledby"));
    }

    @Test
    void manySignalsDrawTheLatestAndSaySo() throws Exception {
        List<TrendSignal> many = IntStream.range(0, TrendChart.MAX_WINDOWS + 3)
                .mapToObj(i -> signal("s" + i, i, 5, 1))
                .toList();
        TrendChart chart = TrendChart.of(many);
        assertEquals(TrendChart.MAX_WINDOWS, chart.shown());
        Document svg = parse(chart);
        assertTrue(svg.getElementsByTagName("desc").item(0).getTextContent().startsWith("The latest 12 of 15"));
        assertEquals("s3", ((Element) svg.getElementsByTagName("g").item(0)).getAttribute("data-signal"));
    }

    @Test
    void textIsEscapedSoTheDrawingStaysWellFormed() throws Exception {
        TrendSignal odd = new TrendSignal(
                "<s>", "<script>&\"'", "F", START, START.plus(Duration.ofDays(28)), 3, 1, "POISSON", START);
        TrendChart chart = TrendChart.of(List.of(odd));
        assertFalse(chart.svg().getValue().contains("<script>"));
        parse(chart);
    }

    private static double height(NodeList bars, int i) {
        return Double.parseDouble(((Element) bars.item(i)).getAttribute("height"));
    }

    private static TrendSignal signal(String id, int startDay, long observed, double expected) {
        Instant start = START.plus(Duration.ofDays(startDay));
        Instant end = start.plus(Duration.ofDays(28));
        return new TrendSignal(id, "dose-calculator", "E-LOG", start, end, observed, expected, "POISSON", end);
    }

    private static Document parse(TrendChart chart) throws Exception {
        return DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(chart.svg().getValue().getBytes(StandardCharsets.UTF_8)));
    }
}
