package org.fieldsafety.fsca.cases;

import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.instanceOf;

import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.fieldsafety.fsca.cases.FscaCaseCommand.AssessHealthHazard;
import org.fieldsafety.fsca.cases.FscaCaseCommand.CheckEffectiveness;
import org.fieldsafety.fsca.cases.FscaCaseCommand.CloseCase;
import org.fieldsafety.fsca.cases.FscaCaseCommand.DecideFsca;
import org.fieldsafety.fsca.cases.FscaCaseCommand.IssueFieldSafetyNotice;
import org.fieldsafety.fsca.cases.FscaCaseCommand.NotifyAuthority;
import org.fieldsafety.fsca.cases.FscaCaseCommand.RecordAcknowledgement;
import org.fieldsafety.fsca.cases.FscaCaseCommand.RecordDeliveryFailure;
import org.fieldsafety.fsca.cases.FscaCaseCommand.RecordTriage;
import org.fieldsafety.fsca.cases.FscaCaseEvent.AcknowledgementRecorded;
import org.fieldsafety.fsca.cases.FscaCaseEvent.AuthorityNotified;
import org.fieldsafety.fsca.cases.FscaCaseEvent.DeliveryFailed;
import org.fieldsafety.fsca.cases.FscaCaseEvent.EffectivenessChecked;
import org.fieldsafety.fsca.cases.FscaCaseEvent.FieldSafetyNoticeIssued;
import org.fieldsafety.fsca.cases.FscaCaseEvent.FscaCaseClosed;
import org.fieldsafety.fsca.cases.FscaCaseEvent.FscaCaseOpened;
import org.fieldsafety.fsca.cases.FscaCaseEvent.FscaDecided;
import org.fieldsafety.fsca.cases.FscaCaseEvent.HealthHazardAssessed;
import org.fieldsafety.fsca.cases.FscaCaseEvent.IncidentAttached;
import org.fieldsafety.fsca.cases.FscaCaseEvent.IncidentReclassified;
import org.fieldsafety.fsca.cases.FscaCaseEvent.TrendSignalRecorded;
import org.fieldsafety.platform.domain.DomainException;
import org.fieldsafety.platform.domain.InvalidInput;
import org.fieldsafety.platform.signature.Signature;
import org.fieldsafety.platform.signature.SignatureMeaning;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FscaCaseTest {

    private static final Instant AWARE = Instant.parse("2026-11-20T10:15:00Z");
    private static final Instant NOW = Instant.parse("2026-11-21T08:00:00Z");
    private static final Signature SIGNATURE = new Signature("ra", "ra", SignatureMeaning.APPROVAL, NOW);

    private AggregateTestFixture<FscaCase> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(FscaCase.class);
    }

    @Test
    void theFirstIncidentOfAProblemOpensItsCase() {
        fixture.givenNoPriorActivity()
                .when(new RecordTriage("case-1", "problem-1", "PUMP", List.of(incident("r1")), List.of(), NOW))
                .expectEvents(
                        new FscaCaseOpened("case-1", "problem-1", "PUMP", NOW),
                        new IncidentAttached("case-1", incident("r1")));
    }

    @Test
    void aLaterIncidentAttachesToTheOpenCase() {
        fixture.given(opened(), new IncidentAttached("case-1", incident("r1")))
                .when(new RecordTriage("case-1", "problem-1", "PUMP", List.of(incident("r2")), List.of(), NOW))
                .expectEvents(new IncidentAttached("case-1", incident("r2")));
    }

    @Test
    void theIncidentsOfABatchAttachInTheOrderTheyCame() {
        fixture.givenNoPriorActivity()
                .when(new RecordTriage(
                        "case-1", "problem-1", "PUMP", List.of(incident("r1"), incident("r2")), List.of(), NOW))
                .expectEvents(
                        new FscaCaseOpened("case-1", "problem-1", "PUMP", NOW),
                        new IncidentAttached("case-1", incident("r1")),
                        new IncidentAttached("case-1", incident("r2")));
    }

    @Test
    void aReportTwiceInOneBatchIsAttachedOnceThenReclassified() {
        Instant laterAwareness = AWARE.plusSeconds(7200);
        Incident retriaged = incident("r1", laterAwareness, "Art. 87(5)", laterAwareness.plusSeconds(10 * 86400));
        fixture.given(opened())
                .when(new RecordTriage(
                        "case-1",
                        "problem-1",
                        "PUMP",
                        List.of(incident("r1"), incident("r1"), retriaged),
                        List.of(),
                        NOW))
                .expectEvents(
                        new IncidentAttached("case-1", incident("r1")),
                        new IncidentReclassified(
                                "case-1",
                                "r1",
                                AWARE,
                                List.of(new Incident.ReportingClock(
                                        "EU_MDR", "Art. 87(5)", AWARE.plusSeconds(10 * 86400)))));
    }

    @Test
    void aRedeliveredIncidentChangesNothing() {
        fixture.given(opened(), new IncidentAttached("case-1", incident("r1")))
                .when(new RecordTriage("case-1", "problem-1", "PUMP", List.of(incident("r1")), List.of(), NOW))
                .expectNoEvents();
    }

    @Test
    void aTrendSignalOpensItsProblemsCaseWithoutAnIncident() {
        fixture.givenNoPriorActivity()
                .when(new RecordTriage("case-1", "problem-1", "PUMP", List.of(), List.of(trend("episode-1")), NOW))
                .expectEvents(
                        new FscaCaseOpened("case-1", "problem-1", "PUMP", NOW),
                        new TrendSignalRecorded("case-1", trend("episode-1")));
    }

    @Test
    void aRedeliveredTrendSignalChangesNothingAndANewEpisodeIsRecorded() {
        fixture.given(opened(), new TrendSignalRecorded("case-1", trend("episode-1")))
                .when(new RecordTriage(
                        "case-1", "problem-1", "PUMP", List.of(), List.of(trend("episode-1"), trend("episode-2")), NOW))
                .expectEvents(new TrendSignalRecorded("case-1", trend("episode-2")));
    }

    @Test
    void aDecisionOnATrendAloneNamesTheTrendsSoftwareItemForChangeControl() {
        fixture.given(opened(), new TrendSignalRecorded("case-1", trend("episode-1")))
                .when(new DecideFsca(
                        "case-1", FscaDecision.FSCA_REQUIRED, FscaAction.SOFTWARE_UPDATE, "Rising failures", SIGNATURE))
                .expectEvents(new FscaDecided(
                        "case-1",
                        "problem-1",
                        "PUMP",
                        List.of("event-log"),
                        FscaDecision.FSCA_REQUIRED,
                        FscaAction.SOFTWARE_UPDATE,
                        "Rising failures",
                        SIGNATURE,
                        1));
    }

    @Test
    void anFscaRequiredDecisionRecordsTheSignatureBoundToTheCaseVersion() {
        fixture.given(opened(), new IncidentAttached("case-1", incident("r1")))
                .when(new DecideFsca(
                        "case-1", FscaDecision.FSCA_REQUIRED, FscaAction.SOFTWARE_UPDATE, "Overdose risk", SIGNATURE))
                .expectEvents(new FscaDecided(
                        "case-1",
                        "problem-1",
                        "PUMP",
                        List.of("dose-calculator"),
                        FscaDecision.FSCA_REQUIRED,
                        FscaAction.SOFTWARE_UPDATE,
                        "Overdose risk",
                        SIGNATURE,
                        1));
    }

    @Test
    void anFscaRequiredDecisionWithoutActionIsRejected() {
        fixture.given(opened())
                .when(new DecideFsca("case-1", FscaDecision.FSCA_REQUIRED, null, "Overdose risk", SIGNATURE))
                .expectException(DomainException.class)
                .expectNoEvents();
    }

    @Test
    void aDecidedCaseCannotBeDecidedAgain() {
        fixture.given(
                        opened(),
                        new FscaDecided(
                                "case-1",
                                "problem-1",
                                "PUMP",
                                List.of(),
                                FscaDecision.NO_FSCA,
                                null,
                                "Benign",
                                SIGNATURE,
                                0))
                .when(new DecideFsca(
                        "case-1", FscaDecision.FSCA_REQUIRED, FscaAction.SOFTWARE_UPDATE, "Changed mind", SIGNATURE))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("MDR Art. 89"));
    }

    @Test
    void aReportTriagedAgainWithOtherDutiesIsReclassifiedFromItsFirstAwareness() {
        Instant laterAwareness = AWARE.plusSeconds(7200);
        Incident retriaged = incident("r1", laterAwareness, "Art. 87(5)", laterAwareness.plusSeconds(10 * 86400));
        fixture.given(opened(), new IncidentAttached("case-1", incident("r1")))
                .when(new RecordTriage("case-1", "problem-1", "PUMP", List.of(retriaged), List.of(), NOW))
                .expectEvents(new IncidentReclassified(
                        "case-1",
                        "r1",
                        AWARE,
                        List.of(new Incident.ReportingClock("EU_MDR", "Art. 87(5)", AWARE.plusSeconds(10 * 86400)))));
    }

    @Test
    void theHealthHazardIsAssessedBeforeTheDecision() {
        fixture.given(opened())
                .when(new AssessHealthHazard("case-1", "Overdose possible", true, NOW))
                .expectEvents(new HealthHazardAssessed("case-1", "Overdose possible", true, NOW));
    }

    @Test
    void anAssessmentAfterTheDecisionIsRejected() {
        fixture.given(opened(), decided(FscaDecision.FSCA_REQUIRED))
                .when(new AssessHealthHazard("case-1", "Too late", false, NOW))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("MDR Art. 89"));
    }

    @Test
    void theAuthorityIsNotifiedOfAnFscaRequiredDecision() {
        fixture.given(opened(), decided(FscaDecision.FSCA_REQUIRED))
                .when(new NotifyAuthority("case-1", "BfArM", "BfArM-2026-1", NOW))
                .expectEvents(new AuthorityNotified("case-1", "problem-1", "PUMP", "BfArM", "BfArM-2026-1", NOW));
    }

    @Test
    void aNotificationDatedBeforeTheCaseIsRejected() {
        fixture.given(opened(), decided(FscaDecision.FSCA_REQUIRED))
                .when(new NotifyAuthority("case-1", "BfArM", "BfArM-2026-1", NOW.minusSeconds(1)))
                .expectException(InvalidInput.class)
                .expectExceptionMessage(containsString("not before the case was opened"))
                .expectNoEvents();
    }

    @Test
    void notifyingTheAuthorityWithoutAnFscaIsRejected() {
        fixture.given(opened(), decided(FscaDecision.NO_FSCA))
                .when(new NotifyAuthority("case-1", "BfArM", "BfArM-2026-1", NOW))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("MDR Art. 87(1)(b)"))
                .expectNoEvents();
    }

    @Test
    void aNoticeBeforeTheAuthorityIsNotifiedIsRejected() {
        fixture.given(opened(), decided(FscaDecision.FSCA_REQUIRED))
                .when(issue())
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("MDR Art. 87(8)"))
                .expectNoEvents();
    }

    @Test
    void anUrgentCaseIssuesTheNoticeBeforeNotifyingTheAuthority() {
        fixture.given(
                        opened(),
                        new IncidentAttached("case-1", incident("r1")),
                        new HealthHazardAssessed("case-1", "Overdose possible", true, NOW),
                        decided(FscaDecision.FSCA_REQUIRED))
                .when(issue())
                .expectResultMessagePayloadMatching(instanceOf(FieldSafetyNotice.class))
                .expectEventsMatching(
                        payloadsMatching(exactSequenceOf(instanceOf(FieldSafetyNoticeIssued.class), andNoMore())));
    }

    @Test
    void theNoticeIsIssuedAfterTheAuthorityWasNotified() {
        fixture.given(
                        opened(),
                        new IncidentAttached("case-1", incident("r1")),
                        decided(FscaDecision.FSCA_REQUIRED),
                        notified())
                .when(issue())
                .expectEvents(issued());
    }

    @Test
    void aSecondNoticeIsRejected() {
        fixture.given(opened(), decided(FscaDecision.FSCA_REQUIRED), notified(), issued())
                .when(issue())
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("already issued"));
    }

    @Test
    void anAcknowledgementIsRecorded() {
        fixture.given(opened(), decided(FscaDecision.FSCA_REQUIRED), notified(), issued())
                .when(new RecordAcknowledgement("case-1", "clinic-a", NOW))
                .expectEvents(new AcknowledgementRecorded("case-1", "clinic-a", NOW));
    }

    @Test
    void aRepeatedAcknowledgementChangesNothing() {
        fixture.given(
                        opened(),
                        decided(FscaDecision.FSCA_REQUIRED),
                        notified(),
                        issued(),
                        new AcknowledgementRecorded("case-1", "clinic-a", NOW))
                .when(new RecordAcknowledgement("case-1", "clinic-a", NOW))
                .expectNoEvents();
    }

    @Test
    void anAcknowledgementBeforeTheNoticeIsRejected() {
        fixture.given(opened(), decided(FscaDecision.FSCA_REQUIRED), notified())
                .when(new RecordAcknowledgement("case-1", "clinic-a", NOW))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("MDR Art. 89(8)"));
    }

    @Test
    void anAcknowledgementFromSomeoneWhoWasNotARecipientIsRejected() {
        fixture.given(opened(), decided(FscaDecision.FSCA_REQUIRED), notified(), issued())
                .when(new RecordAcknowledgement("case-1", "stranger", NOW))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("not a recipient"));
    }

    @Test
    void aFirstFailedDeliveryIsNotFinal() {
        fixture.given(opened(), decided(FscaDecision.FSCA_REQUIRED), notified(), issued())
                .when(new RecordDeliveryFailure("case-1", "clinic-b", "mailbox full", NOW))
                .expectEvents(new DeliveryFailed("case-1", "clinic-b", "mailbox full", 1, false, NOW));
    }

    @Test
    void theThirdFailedDeliveryToARecipientIsFinal() {
        fixture.given(
                        opened(),
                        decided(FscaDecision.FSCA_REQUIRED),
                        notified(),
                        issued(),
                        new DeliveryFailed("case-1", "clinic-b", "bounced", 1, false, NOW),
                        new DeliveryFailed("case-1", "clinic-a", "bounced", 1, false, NOW),
                        new DeliveryFailed("case-1", "clinic-b", "bounced", 2, false, NOW))
                .when(new RecordDeliveryFailure("case-1", "clinic-b", "bounced", NOW))
                .expectEvents(new DeliveryFailed("case-1", "clinic-b", "bounced", 3, true, NOW));
    }

    @Test
    void effectivenessIsCheckedOnlyAfterTheNotice() {
        fixture.given(opened(), decided(FscaDecision.FSCA_REQUIRED), notified())
                .when(new CheckEffectiveness("case-1", EffectivenessOutcome.PASSED, "All updated", NOW))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("ISO 13485 8.5.2"));
    }

    @Test
    void theEffectivenessOfAnIssuedNoticeIsChecked() {
        fixture.given(opened(), decided(FscaDecision.FSCA_REQUIRED), notified(), issued())
                .when(new CheckEffectiveness("case-1", EffectivenessOutcome.PASSED, "All updated", NOW))
                .expectEvents(new EffectivenessChecked("case-1", EffectivenessOutcome.PASSED, "All updated", NOW));
    }

    @Test
    void aCaseClosesAfterAPassedEffectivenessCheck() {
        fixture.given(
                        opened(),
                        decided(FscaDecision.FSCA_REQUIRED),
                        notified(),
                        issued(),
                        new EffectivenessChecked("case-1", EffectivenessOutcome.PASSED, "All updated", NOW))
                .when(new CloseCase("case-1", "Done", SIGNATURE))
                .expectEvents(new FscaCaseClosed("case-1", "problem-1", "PUMP", "Done", SIGNATURE, 4));
    }

    @Test
    void aCaseDoesNotCloseAfterAFailedEffectivenessCheck() {
        fixture.given(
                        opened(),
                        decided(FscaDecision.FSCA_REQUIRED),
                        notified(),
                        issued(),
                        new EffectivenessChecked("case-1", EffectivenessOutcome.FAILED, "Half still old", NOW))
                .when(new CloseCase("case-1", "Done", SIGNATURE))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("passed effectiveness check"));
    }

    @Test
    void aCaseWithoutAnFscaClosesAfterItsDecision() {
        fixture.given(opened(), decided(FscaDecision.NO_FSCA))
                .when(new CloseCase("case-1", "Benign", SIGNATURE))
                .expectEvents(new FscaCaseClosed("case-1", "problem-1", "PUMP", "Benign", SIGNATURE, 1));
    }

    @Test
    void anUndecidedCaseDoesNotClose() {
        fixture.given(opened())
                .when(new CloseCase("case-1", "Nothing to do", SIGNATURE))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("ISO 13485 8.5.2"));
    }

    @Test
    void aClosedCaseTakesNoFurtherSteps() {
        fixture.given(
                        opened(),
                        decided(FscaDecision.NO_FSCA),
                        new FscaCaseClosed("case-1", "problem-1", "PUMP", "Benign", SIGNATURE, 1))
                .when(new CloseCase("case-1", "Again", SIGNATURE))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("closed"));
    }

    private static FscaDecided decided(FscaDecision decision) {
        return new FscaDecided(
                "case-1",
                "problem-1",
                "PUMP",
                List.of("dose-calculator"),
                decision,
                decision == FscaDecision.FSCA_REQUIRED ? FscaAction.SOFTWARE_UPDATE : null,
                "Overdose risk",
                SIGNATURE,
                1);
    }

    private static AuthorityNotified notified() {
        return new AuthorityNotified("case-1", "problem-1", "PUMP", "BfArM", "BfArM-2026-1", NOW);
    }

    private static final FieldSafetyNotice.Instructions INSTRUCTIONS =
            new FieldSafetyNotice.Instructions(null, null, "vigilance@example.org");

    private static IssueFieldSafetyNotice issue() {
        return new IssueFieldSafetyNotice("case-1", INSTRUCTIONS, List.of("clinic-a", "clinic-b"), NOW);
    }

    private static FieldSafetyNoticeIssued issued() {
        FieldSafetyNotice notice = FieldSafetyNotice.compose(
                new FieldSafetyNotice.Facts(
                        "case-1",
                        "PUMP",
                        List.of(incident("r1")),
                        List.of(),
                        FscaAction.SOFTWARE_UPDATE,
                        "Overdose risk",
                        null,
                        false),
                INSTRUCTIONS,
                NOW);
        return new FieldSafetyNoticeIssued("case-1", "problem-1", "PUMP", notice, List.of("clinic-a", "clinic-b"));
    }

    private static TrendSignal trend(String signalId) {
        return new TrendSignal(
                signalId,
                "event-log",
                "E-LOG-TRUNCATED",
                NOW.minusSeconds(7 * 86400),
                NOW,
                8,
                0.7,
                "one-sided Poisson test",
                NOW);
    }

    private static FscaCaseOpened opened() {
        return new FscaCaseOpened("case-1", "problem-1", "PUMP", NOW);
    }

    private static Incident incident(String reportId) {
        return incident(reportId, AWARE, "Art. 87(3)", AWARE.plusSeconds(15 * 86400));
    }

    private static Incident incident(String reportId, Instant awareAt, String basis, Instant deadline) {
        return Incidents.overdose(
                reportId, awareAt, "4.2.1", List.of(new Incident.ReportingClock("EU_MDR", basis, deadline)));
    }
}
