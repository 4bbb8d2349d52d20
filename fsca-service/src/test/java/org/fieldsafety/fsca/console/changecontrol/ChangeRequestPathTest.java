package org.fieldsafety.fsca.console.changecontrol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.fieldsafety.fsca.console.changecontrol.ChangeControlViews.Approval;
import org.fieldsafety.fsca.console.changecontrol.ChangeControlViews.ChangeRequest;
import org.fieldsafety.fsca.console.changecontrol.ChangeControlViews.ImpactAnalysis;
import org.fieldsafety.fsca.console.changecontrol.ChangeControlViews.Implementation;
import org.fieldsafety.fsca.console.changecontrol.ChangeControlViews.Reclassification;
import org.fieldsafety.fsca.console.changecontrol.ChangeRequestPath.Mark;
import org.fieldsafety.fsca.console.changecontrol.ChangeRequestPath.Stage;
import org.fieldsafety.platform.signature.Signature;
import org.fieldsafety.platform.signature.SignatureMeaning;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ChangeRequestPathTest {

    private static final Instant RAISED = Instant.parse("2026-05-01T09:00:00Z");
    private static final Instant ANALYSED = Instant.parse("2026-05-02T09:00:00Z");
    private static final Instant APPROVED = Instant.parse("2026-05-03T09:00:00Z");

    @Test
    void theStatesReachedCarryTheirTimeAndSignerTheCurrentOneIsMarkedTheRestAreAhead() throws Exception {
        ChangeRequestPath path = ChangeRequestPath.of(approved());

        List<Stage> stages = path.stages();
        assertEquals(8, stages.size());
        assertEquals(new Stage("RAISED", "Raised", RAISED, "eng", Mark.REACHED), stages.get(0));
        assertEquals(new Stage("IMPACT_ANALYSED", "Impact analysed", ANALYSED, "eng", Mark.REACHED), stages.get(1));
        assertEquals(new Stage("APPROVED", "Approved (CCB)", APPROVED, "Quinn Quality", Mark.CURRENT), stages.get(2));
        assertEquals(new Stage("CLOSED", "Closed", null, null, Mark.AHEAD), stages.get(7));

        Document svg = parse(path);
        NodeList groups = svg.getElementsByTagName("g");
        assertEquals(8, groups.getLength());
        assertEquals("stage stage-current", ((Element) groups.item(2)).getAttribute("class"));
        assertEquals("APPROVED", ((Element) groups.item(2)).getAttribute("data-status"));
        assertEquals("stage stage-ahead", ((Element) groups.item(3)).getAttribute("class"));
    }

    @Test
    void itsTextAlternativeSaysWhereTheChangeStandsInWords() throws Exception {
        Document svg = parse(ChangeRequestPath.of(approved()));

        Element root = svg.getDocumentElement();
        assertEquals("img", root.getAttribute("role"));
        assertEquals("change-request-path-title change-request-path-desc", root.getAttribute("aria-labelledby"));
        assertTrue(svg.getElementsByTagName("title").item(0).getTextContent().endsWith("now APPROVED"));
        assertEquals(
                "Raised: done 1 May; Impact analysed: done 2 May; Approved (CCB): current state since 3 May; "
                        + "Implemented: ahead; Verified: ahead; Released: ahead; Communicated: ahead; Closed: ahead.",
                svg.getElementsByTagName("desc").item(0).getTextContent());
    }

    @Test
    void aReclassifiedChangeIsBackAtItsImpactAnalysis() {
        ChangeRequest approved = approved();
        ChangeRequest reclassified = new ChangeRequest(
                approved.id(),
                approved.title(),
                approved.reason(),
                approved.productId(),
                approved.softwareItems(),
                null,
                null,
                null,
                "IMPACT_ANALYSIS_REQUIRED",
                "eng",
                RAISED,
                4,
                approved.impactAnalysis(),
                approved.approval(),
                new Implementation(
                        "2.4.1",
                        List.of("abc123"),
                        "eng",
                        APPROVED.plusSeconds(60),
                        List.of(new Reclassification("dose-calculator", "B", "C"))),
                null,
                null,
                null,
                null);

        List<Stage> stages = ChangeRequestPath.of(reclassified).stages();

        assertEquals(Mark.REACHED, stages.get(0).mark());
        assertEquals(Mark.CURRENT, stages.get(1).mark());
        assertEquals(
                "Impact analysis required again (reclassified)", stages.get(1).label());
        assertNull(stages.get(1).at());
        assertEquals(Mark.AHEAD, stages.get(2).mark());
        assertTrue(ChangeRequestPath.of(reclassified).svg().getValue().contains(">Analysis again<"));
    }

    @Test
    void textIsEscaped() {
        assertEquals("a &lt;b&gt; &amp; &quot;c&quot; &#39;d&#39;", ChangeRequestPath.escape("a <b> & \"c\" 'd'"));
    }

    private static ChangeRequest approved() {
        return new ChangeRequest(
                "cr-1",
                "Fix the dose calculation",
                "Overdose risk",
                "infusion-pump",
                List.of("dose-calculator"),
                "pr-1",
                "problem-1",
                null,
                "APPROVED",
                "eng",
                RAISED,
                2,
                new ImpactAnalysis(
                        "Dose rounding", List.of("dose-calculator"), List.of("dose tests"), "eng", ANALYSED, Map.of()),
                new Approval(new Signature("qa", "Quinn Quality", SignatureMeaning.APPROVAL, APPROVED), 1),
                null,
                null,
                null,
                null,
                null);
    }

    private static Document parse(ChangeRequestPath path) throws Exception {
        return DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(path.svg().getValue().getBytes(StandardCharsets.UTF_8)));
    }
}
