package org.fieldsafety.fsca.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FieldSafetyNoticeTest {

    private static final Instant ISSUED = Instant.parse("2026-11-23T23:30:00Z");

    @Test
    void theNoticeHasTheMinimumContentOfMdrArticle89() {
        FieldSafetyNotice notice = FieldSafetyNotice.compose(
                facts(false), new FieldSafetyNotice.Instructions(null, null, "vigilance@example.org"), ISSUED);

        Map<String, Function<FieldSafetyNotice, String>> required = Map.ofEntries(
                Map.entry("header", FieldSafetyNotice::header),
                Map.entry("reference", FieldSafetyNotice::reference),
                Map.entry("device", FieldSafetyNotice::device),
                Map.entry("problem", FieldSafetyNotice::problem),
                Map.entry("risk", FieldSafetyNotice::risk),
                Map.entry("reason", FieldSafetyNotice::reason),
                Map.entry("recipientActions", FieldSafetyNotice::recipientActions),
                Map.entry("manufacturerActions", FieldSafetyNotice::manufacturerActions),
                Map.entry("contact", FieldSafetyNotice::contact),
                Map.entry("passOn", FieldSafetyNotice::passOn),
                Map.entry("acknowledgement", FieldSafetyNotice::acknowledgement));
        required.forEach((part, value) -> assertFalse(value.apply(notice).isBlank(), part));

        assertEquals("FSN-case-1", notice.reference());
        assertEquals(LocalDate.of(2026, 11, 23), notice.date());
        assertEquals(List.of("dose-calculator 4.2.1 to 4.2.2"), notice.affectedSoftware());
        assertTrue(notice.problem().contains("E-DOSE-CALC-OVERFLOW"), notice.problem());
        assertTrue(notice.risk().contains("Over-infusion") && notice.risk().contains("Up to 10x dose"));
        assertEquals("Dose overflow", notice.reason());
        assertTrue(notice.acknowledgement().contains("FSN-case-1"));
        assertEquals("vigilance@example.org", notice.contact());
        assertEquals("Insulin Pump X", notice.device());
        assertEquals("04012345000019", notice.udiDi());
        assertEquals("DE-MF-000012345", notice.manufacturerSrn());
    }

    @Test
    void aNoticeOfAnUnregisteredProductNamesItsId() {
        FieldSafetyNotice.Facts unregistered = new FieldSafetyNotice.Facts(
                "case-1", "PUMP", null, null, 1, List.of(), List.of(), FscaAction.SOFTWARE_UPDATE, "r", null, false);
        FieldSafetyNotice notice = FieldSafetyNotice.compose(unregistered, null, ISSUED);
        assertEquals("PUMP", notice.device());
        assertEquals(null, notice.udiDi());
    }

    @Test
    void aFollowUpNoticeHasItsOwnReferenceAndNamesTheFirst() {
        FieldSafetyNotice notice = FieldSafetyNotice.compose(facts(false, 2), null, ISSUED);
        assertEquals("FSN-case-1-2", notice.reference());
        assertEquals(2, notice.number());
        assertEquals("FOLLOW-UP FIELD SAFETY NOTICE FSN-case-1-2 (to FSN-case-1)", notice.header());
    }

    @Test
    void versionsAreOrderedPartByPart() {
        FieldSafetyNotice.Facts facts = new FieldSafetyNotice.Facts(
                "case-1",
                "PUMP",
                null,
                null,
                1,
                List.of(incident("r1", "4.10"), incident("r2", "4.9"), incident("r3", "4.9-rc")),
                List.of(),
                FscaAction.SOFTWARE_UPDATE,
                "r",
                null,
                false);
        assertEquals(
                List.of("dose-calculator 4.9 to 4.10"),
                FieldSafetyNotice.compose(facts, null, ISSUED).affectedSoftware());
    }

    @Test
    void aNoticeOnATrendNamesItsSoftwareAndItsCount() {
        TrendSignal trend = new TrendSignal(
                "episode-1",
                "event-log",
                "E-LOG-TRUNCATED",
                Instant.parse("2026-11-16T23:30:00Z"),
                ISSUED,
                8,
                0.7,
                "one-sided Poisson test",
                ISSUED);
        FieldSafetyNotice notice = FieldSafetyNotice.compose(
                new FieldSafetyNotice.Facts(
                        "case-1",
                        "PUMP",
                        null,
                        null,
                        1,
                        List.of(),
                        List.of(trend),
                        FscaAction.SOFTWARE_UPDATE,
                        "Rising",
                        null,
                        false),
                null,
                ISSUED);
        assertEquals(List.of("event-log"), notice.affectedSoftware());
        assertEquals(
                "0 reported incident(s) with PUMP, fault E-LOG-TRUNCATED. A significant increase: 8 reports from"
                        + " 2026-11-16 to 2026-11-23, where 0.7 were expected.",
                notice.problem());
    }

    @Test
    void anUrgentNoticeSaysSoInItsHeader() {
        assertTrue(
                FieldSafetyNotice.compose(facts(true), null, ISSUED).header().startsWith("URGENT FIELD SAFETY NOTICE"));
        assertTrue(
                FieldSafetyNotice.compose(facts(false), null, ISSUED).header().startsWith("FIELD SAFETY NOTICE"));
    }

    @Test
    void givenActionsReplaceTheDefaults() {
        FieldSafetyNotice notice = FieldSafetyNotice.compose(
                facts(false), new FieldSafetyNotice.Instructions("Pause pumps", "We ship 4.2.3", "ra"), ISSUED);
        assertEquals("Pause pumps", notice.recipientActions());
        assertEquals("We ship 4.2.3", notice.manufacturerActions());
    }

    @ParameterizedTest
    @EnumSource(FscaAction.class)
    void everyKindOfActionHasDefaultActionsAndAPreviewLeavesTheContactOpen(FscaAction action) {
        FieldSafetyNotice.Facts facts = new FieldSafetyNotice.Facts(
                "case-1", "PUMP", null, null, 1, List.of(), List.of(), action, "Dose overflow", null, false);
        FieldSafetyNotice preview = FieldSafetyNotice.compose(facts, null, ISSUED);
        assertFalse(preview.recipientActions().isBlank());
        assertFalse(preview.manufacturerActions().isBlank());
        assertEquals(FieldSafetyNotice.CONTACT_AT_ISSUE, preview.contact());
    }

    private static FieldSafetyNotice.Facts facts(boolean urgent) {
        return facts(urgent, 1);
    }

    private static FieldSafetyNotice.Facts facts(boolean urgent, int number) {
        return new FieldSafetyNotice.Facts(
                "case-1",
                "PUMP",
                new RegisteredProduct("Insulin Pump X", "04012345000019", List.of("DE", "US")),
                "DE-MF-000012345",
                number,
                List.of(incident("r1", "4.2.1"), incident("r2", "4.2.2"), incident("r3", "4.2.1")),
                List.of(),
                FscaAction.SOFTWARE_UPDATE,
                "Dose overflow",
                "Up to 10x dose",
                urgent);
    }

    private static FieldSafetyNotice.Finding incident(String reportId, String version) {
        return Incidents.overdose(reportId, ISSUED, version, List.of()).finding();
    }
}
