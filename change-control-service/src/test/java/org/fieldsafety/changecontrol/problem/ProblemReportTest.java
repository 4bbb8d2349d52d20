package org.fieldsafety.changecontrol.problem;

import static org.hamcrest.Matchers.containsString;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.fieldsafety.changecontrol.problem.ProblemReportCommand.AdviseParties;
import org.fieldsafety.changecontrol.problem.ProblemReportCommand.CloseProblemReport;
import org.fieldsafety.changecontrol.problem.ProblemReportCommand.DecideNoAction;
import org.fieldsafety.changecontrol.problem.ProblemReportCommand.InvestigateProblem;
import org.fieldsafety.changecontrol.problem.ProblemReportCommand.LinkChangeRequests;
import org.fieldsafety.changecontrol.problem.ProblemReportCommand.OpenProblemReport;
import org.fieldsafety.changecontrol.problem.ProblemReportCommand.RecordRecurrences;
import org.fieldsafety.changecontrol.problem.ProblemReportCommand.VerifyResolution;
import org.fieldsafety.changecontrol.problem.ProblemReportEvent.ChangeRequestsLinked;
import org.fieldsafety.changecontrol.problem.ProblemReportEvent.NoActionDecided;
import org.fieldsafety.changecontrol.problem.ProblemReportEvent.PartiesAdvised;
import org.fieldsafety.changecontrol.problem.ProblemReportEvent.ProblemInvestigated;
import org.fieldsafety.changecontrol.problem.ProblemReportEvent.ProblemReportClosed;
import org.fieldsafety.changecontrol.problem.ProblemReportEvent.ProblemReportOpened;
import org.fieldsafety.changecontrol.problem.ProblemReportEvent.ProblemReportReopened;
import org.fieldsafety.changecontrol.problem.ProblemReportEvent.ResolutionVerified;
import org.fieldsafety.platform.domain.DomainException;
import org.fieldsafety.platform.domain.InvalidInput;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProblemReportTest {

    private static final Instant NOW = Instant.parse("2026-11-21T08:00:00Z");
    private static final Criticality CRITICALITY = new Criticality(Criticality.Level.HIGH, "Over-infusion");
    private static final Investigation INVESTIGATION =
            new Investigation("Integer overflow", true, "Can over-infuse", "Fix the clamp", "eng", NOW);
    private static final List<AdvisedParty> PARTIES = List.of(new AdvisedParty("BfArM", NOW));
    private static final ResolutionVerification VERIFIED =
            new ResolutionVerification(true, true, true, true, "qa", NOW);
    private static final ResolutionVerification NO_CHANGE =
            new ResolutionVerification(true, true, false, true, "qa", NOW);
    private static final Duration WINDOW = Duration.ofDays(30);
    private static final FixedRelease FIX = new FixedRelease("4.2.2", "cr-1", NOW.minus(Duration.ofDays(31)));
    private static final FieldReport OLD_VERSION_REPORT =
            new FieldReport("report-2", "4.2.1", NOW.minus(Duration.ofDays(3)));
    private static final NoRecurrence EVIDENCE = new NoRecurrence(FIX, WINDOW, NOW, List.of("report-2"));

    private AggregateTestFixture<ProblemReport> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ProblemReport.class);
    }

    @Test
    void openingAProblemReportRecordsItsCriticality() {
        fixture.givenNoPriorActivity().when(open()).expectEvents(opened());
    }

    @Test
    void openingTheSameProblemReportAgainChangesNothing() {
        fixture.given(opened()).when(open()).expectNoEvents();
    }

    @Test
    void aProblemReportWithoutCriticalityIsRejected() {
        fixture.givenNoPriorActivity()
                .when(new OpenProblemReport(
                        "pr-1", "problem-1", "PUMP", "dose-calculator", "4.2.1", "E42", "Overflow", null, "eng", NOW))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("IEC 62304 9.1"))
                .expectNoEvents();
    }

    @Test
    void aProblemWhoseSoftwareItemIsNotYetKnownIsOpenedForTheInvestigationToFindIt() {
        OpenProblemReport complaint = new OpenProblemReport(
                "pr-1", "problem-1", "PUMP", null, "4.2.1", null, "Display went blank", CRITICALITY, "triage", NOW);

        fixture.givenNoPriorActivity()
                .when(complaint)
                .expectEvents(new ProblemReportOpened(
                        "pr-1",
                        "problem-1",
                        "PUMP",
                        null,
                        "4.2.1",
                        null,
                        "Display went blank",
                        CRITICALITY,
                        "triage",
                        NOW));
    }

    @Test
    void investigatingAnOpenProblemRecordsCauseAndSafetyRelevance() {
        fixture.given(opened())
                .when(new InvestigateProblem("pr-1", INVESTIGATION))
                .expectEvents(new ProblemInvestigated("pr-1", INVESTIGATION));
    }

    @Test
    void investigatingTwiceIsRejected() {
        fixture.given(opened(), investigated())
                .when(new InvestigateProblem("pr-1", INVESTIGATION))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("IEC 62304 9.2"))
                .expectNoEvents();
    }

    @Test
    void linkingChangeRequestsBeforeTheInvestigationIsRejected() {
        fixture.given(opened())
                .when(new LinkChangeRequests("pr-1", List.of("cr-1"), "eng", NOW))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("IEC 62304 9.2"))
                .expectNoEvents();
    }

    @Test
    void linkingChangeRequestsAfterTheInvestigationRecordsThem() {
        fixture.given(opened(), investigated())
                .when(new LinkChangeRequests("pr-1", List.of("cr-1"), "eng", NOW))
                .expectEvents(new ChangeRequestsLinked("pr-1", List.of("cr-1"), "eng", NOW));
    }

    @Test
    void decidingNoActionBeforeTheInvestigationIsRejected() {
        fixture.given(opened())
                .when(new DecideNoAction("pr-1", "Cosmetic", "eng", NOW))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("IEC 62304 9.2"))
                .expectNoEvents();
    }

    @Test
    void aStepAnswersTheStatusItMovedTheReportTo() {
        fixture.given(opened())
                .when(new InvestigateProblem("pr-1", INVESTIGATION))
                .expectResultMessagePayload(ProblemReportStatus.INVESTIGATED);
    }

    @Test
    void advisingPartiesAnswersNoStatusForItDoesNotMoveTheReport() {
        fixture.given(opened(), investigated())
                .when(new AdviseParties("pr-1", PARTIES, "ra"))
                .expectResultMessagePayload(null);
    }

    @Test
    void aPartyAdvisedBeforeTheReportWasOpenedIsRejected() {
        fixture.given(opened())
                .when(new AdviseParties("pr-1", List.of(new AdvisedParty("BfArM", NOW.minusSeconds(1))), "ra"))
                .expectException(InvalidInput.class)
                .expectExceptionMessage(containsString("not before the report was opened"))
                .expectNoEvents();
    }

    @Test
    void advisingPartiesOfAClosedReportIsRejected() {
        fixture.given(closedHistory())
                .when(new AdviseParties("pr-1", PARTIES, "ra"))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("IEC 62304 9.3"))
                .expectNoEvents();
    }

    @Test
    void verifyingTheResolutionBeforeAnyDecisionIsRejected() {
        fixture.given(opened(), investigated())
                .when(verify(FIX, List.of()))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("IEC 62304 9.7"))
                .expectNoEvents();
    }

    @Test
    void verifyingRecordsTheFieldEvidenceItWasCheckedOn() {
        fixture.given(opened(), investigated(), linked())
                .when(verify(FIX, List.of(OLD_VERSION_REPORT)))
                .expectEvents(new ResolutionVerified("pr-1", VERIFIED, EVIDENCE));
    }

    @Test
    void verifyingAChangeThatIsNotReleasedIsRejected() {
        fixture.given(opened(), investigated(), linked())
                .when(verify(null, List.of()))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("none of its change requests is released"))
                .expectNoEvents();
    }

    @Test
    void verifyingBeforeTheFixHasBeenInTheFieldForTheWindowIsRejected() {
        FixedRelease recent = new FixedRelease("4.2.2", "cr-1", NOW.minus(Duration.ofDays(29)));
        fixture.given(opened(), investigated(), linked())
                .when(verify(recent, List.of()))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("without recurrence for PT720H"))
                .expectNoEvents();
    }

    @Test
    void verifyingWhenTheProblemRecurredOnTheFixIsRejected() {
        FieldReport recurrence = new FieldReport("report-8", "4.2.2", NOW.minus(Duration.ofDays(1)));
        fixture.given(opened(), investigated(), linked())
                .when(verify(FIX, List.of(OLD_VERSION_REPORT, recurrence)))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("recurred on the fixed version: report report-8"))
                .expectNoEvents();
    }

    @Test
    void closingWithoutAVerifiedResolutionIsRejected() {
        fixture.given(opened(), investigated(), linked(), advised())
                .when(close(List.of()))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("IEC 62304 9.7"))
                .expectNoEvents();
    }

    @Test
    void closingWhenATrendIsNotReversedIsRejected() {
        ResolutionVerification trendGoesOn = new ResolutionVerification(true, false, true, true, "qa", NOW);
        fixture.given(
                        opened(),
                        investigated(),
                        linked(),
                        advised(),
                        new ResolutionVerified("pr-1", trendGoesOn, EVIDENCE))
                .when(close(List.of()))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("IEC 62304 9.7"))
                .expectNoEvents();
    }

    @Test
    void closingBeforeThePartiesAreAdvisedIsRejected() {
        fixture.given(opened(), investigated(), linked(), verified())
                .when(close(List.of()))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("IEC 62304 9.3"))
                .expectNoEvents();
    }

    @Test
    void closingAVerifiedResolutionRecordsTheFieldEvidenceCheckedAgain() {
        Instant later = NOW.plusSeconds(3600);
        fixture.given(opened(), investigated(), linked(), advised(), verified())
                .when(new CloseProblemReport("pr-1", "qa", later, List.of(OLD_VERSION_REPORT), WINDOW))
                .expectEvents(new ProblemReportClosed(
                        "pr-1", "qa", later, new NoRecurrence(FIX, WINDOW, later, List.of("report-2"))));
    }

    @Test
    void closingWhenTheProblemRecurredOnTheFixSinceTheVerificationIsRejected() {
        FieldReport recurrence = new FieldReport("report-8", "4.2.2", NOW.minusSeconds(1));
        fixture.given(opened(), investigated(), linked(), advised(), verified())
                .when(close(List.of(recurrence)))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("report report-8"))
                .expectNoEvents();
    }

    @Test
    void aNoActionReportClosesWithoutAChangeInTheItems() {
        fixture.given(opened(), investigated(), noAction(), advised(), new ResolutionVerified("pr-1", NO_CHANGE, null))
                .when(close(List.of()))
                .expectEvents(new ProblemReportClosed("pr-1", "qa", NOW, null));
    }

    @Test
    void aNoActionResolutionWithoutAFixIsVerifiedWithoutFieldEvidence() {
        fixture.given(opened(), investigated(), noAction())
                .when(new VerifyResolution("pr-1", NO_CHANGE, null, List.of(OLD_VERSION_REPORT), WINDOW))
                .expectEvents(new ResolutionVerified("pr-1", NO_CHANGE, null));
    }

    @Test
    void aReportOnTheFixedVersionAfterClosureReopensTheProblemReport() {
        Instant later = NOW.plusSeconds(3600);
        fixture.given(closedHistory())
                .when(new RecordRecurrences("pr-1", List.of(new FieldReport("report-9", "4.2.2", later))))
                .expectEvents(new ProblemReportReopened("pr-1", "report-9", later));
    }

    @Test
    void aReportOnTheFixedVersionAfterTheVerificationReopensTheProblemReport() {
        Instant later = NOW.plusSeconds(60);
        fixture.given(opened(), investigated(), linked(), verified())
                .when(new RecordRecurrences("pr-1", List.of(new FieldReport("report-9", "4.3.0", later))))
                .expectEvents(new ProblemReportReopened("pr-1", "report-9", later));
    }

    @Test
    void aBatchOfReportsReopensOnceWithTheFirstThatShowsTheProblemRecurring() {
        Instant later = NOW.plusSeconds(3600);
        fixture.given(closedHistory())
                .when(new RecordRecurrences(
                        "pr-1",
                        List.of(
                                new FieldReport("report-8", "4.2.1", later),
                                new FieldReport("report-9", "4.2.2", later),
                                new FieldReport("report-10", "4.3.0", later.plusSeconds(1)))))
                .expectEvents(new ProblemReportReopened("pr-1", "report-9", later));
    }

    @Test
    void aReportOnAnOlderVersionAfterClosureDoesNotReopen() {
        fixture.given(closedHistory())
                .when(new RecordRecurrences(
                        "pr-1", List.of(new FieldReport("report-9", "4.2.1", NOW.plusSeconds(3600)))))
                .expectNoEvents();
    }

    @Test
    void aReportOfAnOpenProblemChangesNothing() {
        fixture.given(opened())
                .when(new RecordRecurrences("pr-1", List.of(new FieldReport("report-2", "4.2.2", NOW.plusSeconds(60)))))
                .expectNoEvents();
    }

    @Test
    void aReportClosedWithoutAFixReopensWithAnyReportTriagedAfterItsClosure() {
        fixture.given(closedWithoutAFix())
                .when(new RecordRecurrences("pr-1", List.of(new FieldReport("report-9", "4.2.1", NOW.plusSeconds(60)))))
                .expectEvents(new ProblemReportReopened("pr-1", "report-9", NOW.plusSeconds(60)));
    }

    @Test
    void aReportTriagedBeforeAClosureWithoutAFixDoesNotReopen() {
        fixture.given(closedWithoutAFix())
                .when(new RecordRecurrences(
                        "pr-1", List.of(new FieldReport("report-1", "4.2.1", NOW.minusSeconds(60)))))
                .expectNoEvents();
    }

    @Test
    void aReopenedReportIsInvestigatedAgain() {
        Object[] history = Arrays.copyOf(closedHistory(), closedHistory().length + 1);
        history[history.length - 1] = new ProblemReportReopened("pr-1", "report-9", NOW.plusSeconds(60));
        fixture.given(history)
                .when(new InvestigateProblem("pr-1", INVESTIGATION))
                .expectEvents(new ProblemInvestigated("pr-1", INVESTIGATION));
    }

    private static Object[] closedHistory() {
        return new Object[] {
            opened(),
            investigated(),
            linked(),
            advised(),
            verified(),
            new ProblemReportClosed("pr-1", "qa", NOW, EVIDENCE)
        };
    }

    private static Object[] closedWithoutAFix() {
        return new Object[] {
            opened(),
            investigated(),
            noAction(),
            advised(),
            new ResolutionVerified("pr-1", NO_CHANGE, null),
            new ProblemReportClosed("pr-1", "qa", NOW, null)
        };
    }

    private static VerifyResolution verify(FixedRelease release, List<FieldReport> reports) {
        return new VerifyResolution("pr-1", VERIFIED, release, reports, WINDOW);
    }

    private static CloseProblemReport close(List<FieldReport> reports) {
        return new CloseProblemReport("pr-1", "qa", NOW, reports, WINDOW);
    }

    private static ResolutionVerified verified() {
        return new ResolutionVerified("pr-1", VERIFIED, EVIDENCE);
    }

    private static NoActionDecided noAction() {
        return new NoActionDecided("pr-1", "Cosmetic only", "eng", NOW);
    }

    private static ProblemInvestigated investigated() {
        return new ProblemInvestigated("pr-1", INVESTIGATION);
    }

    private static ChangeRequestsLinked linked() {
        return new ChangeRequestsLinked("pr-1", List.of("cr-1"), "eng", NOW);
    }

    private static PartiesAdvised advised() {
        return new PartiesAdvised("pr-1", PARTIES, "ra");
    }

    private static OpenProblemReport open() {
        return new OpenProblemReport(
                "pr-1", "problem-1", "PUMP", "dose-calculator", "4.2.1", "E42", "Overflow", CRITICALITY, "triage", NOW);
    }

    private static ProblemReportOpened opened() {
        return new ProblemReportOpened(
                "pr-1", "problem-1", "PUMP", "dose-calculator", "4.2.1", "E42", "Overflow", CRITICALITY, "triage", NOW);
    }
}
