package org.fieldsafety.changecontrol.problem;

import static org.hamcrest.Matchers.containsString;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.fieldsafety.changecontrol.problem.ProblemReportCommand.AdviseParties;
import org.fieldsafety.changecontrol.problem.ProblemReportCommand.CloseProblemReport;
import org.fieldsafety.changecontrol.problem.ProblemReportCommand.DecideNoAction;
import org.fieldsafety.changecontrol.problem.ProblemReportCommand.InvestigateProblem;
import org.fieldsafety.changecontrol.problem.ProblemReportCommand.LinkChangeRequests;
import org.fieldsafety.changecontrol.problem.ProblemReportCommand.OpenProblemReport;
import org.fieldsafety.changecontrol.problem.ProblemReportCommand.RecordRecurrence;
import org.fieldsafety.changecontrol.problem.ProblemReportCommand.VerifyResolution;
import org.fieldsafety.changecontrol.problem.ProblemReportEvent.ChangeRequestsLinked;
import org.fieldsafety.changecontrol.problem.ProblemReportEvent.NoActionDecided;
import org.fieldsafety.changecontrol.problem.ProblemReportEvent.PartiesAdvised;
import org.fieldsafety.changecontrol.problem.ProblemReportEvent.ProblemInvestigated;
import org.fieldsafety.changecontrol.problem.ProblemReportEvent.ProblemReportClosed;
import org.fieldsafety.changecontrol.problem.ProblemReportEvent.ProblemReportOpened;
import org.fieldsafety.changecontrol.problem.ProblemReportEvent.ProblemReportReopened;
import org.fieldsafety.changecontrol.problem.ProblemReportEvent.ResolutionVerified;
import org.fieldsafety.platform.ProblemException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProblemReportTest {

    private static final Instant NOW = Instant.parse("2026-11-21T08:00:00Z");
    private static final Criticality CRITICALITY = new Criticality(Criticality.Level.HIGH, "Over-infusion");
    private static final Investigation INVESTIGATION =
            new Investigation("Integer overflow", true, "Can over-infuse", "Fix the clamp", "eng", NOW);
    private static final List<AdvisedParty> PARTIES = List.of(new AdvisedParty("BfArM", NOW));
    private static final ResolutionVerification VERIFIED =
            new ResolutionVerification(true, true, true, true, LocalDate.parse("2026-11-01"), "qa", NOW);

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
                .expectException(ProblemException.class)
                .expectExceptionMessage(containsString("IEC 62304 9.1"))
                .expectNoEvents();
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
                .expectException(ProblemException.class)
                .expectExceptionMessage(containsString("IEC 62304 9.2"))
                .expectNoEvents();
    }

    @Test
    void linkingChangeRequestsBeforeTheInvestigationIsRejected() {
        fixture.given(opened())
                .when(new LinkChangeRequests("pr-1", List.of("cr-1"), "eng", NOW))
                .expectException(ProblemException.class)
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
                .expectException(ProblemException.class)
                .expectExceptionMessage(containsString("IEC 62304 9.2"))
                .expectNoEvents();
    }

    @Test
    void advisingPartiesOfAClosedReportIsRejected() {
        fixture.given(closedHistory())
                .when(new AdviseParties("pr-1", PARTIES, "ra"))
                .expectException(ProblemException.class)
                .expectExceptionMessage(containsString("IEC 62304 9.3"))
                .expectNoEvents();
    }

    @Test
    void verifyingTheResolutionBeforeAnyDecisionIsRejected() {
        fixture.given(opened(), investigated())
                .when(new VerifyResolution("pr-1", VERIFIED))
                .expectException(ProblemException.class)
                .expectExceptionMessage(containsString("IEC 62304 9.7"))
                .expectNoEvents();
    }

    @Test
    void closingWithoutAVerifiedResolutionIsRejected() {
        fixture.given(opened(), investigated(), linked(), advised())
                .when(new CloseProblemReport("pr-1", "qa", NOW))
                .expectException(ProblemException.class)
                .expectExceptionMessage(containsString("IEC 62304 9.7"))
                .expectNoEvents();
    }

    @Test
    void closingWhenATrendIsNotReversedIsRejected() {
        ResolutionVerification trendGoesOn =
                new ResolutionVerification(true, false, true, true, LocalDate.parse("2026-11-01"), "qa", NOW);
        fixture.given(opened(), investigated(), linked(), advised(), new ResolutionVerified("pr-1", trendGoesOn))
                .when(new CloseProblemReport("pr-1", "qa", NOW))
                .expectException(ProblemException.class)
                .expectExceptionMessage(containsString("IEC 62304 9.7"))
                .expectNoEvents();
    }

    @Test
    void closingBeforeThePartiesAreAdvisedIsRejected() {
        fixture.given(opened(), investigated(), linked(), new ResolutionVerified("pr-1", VERIFIED))
                .when(new CloseProblemReport("pr-1", "qa", NOW))
                .expectException(ProblemException.class)
                .expectExceptionMessage(containsString("IEC 62304 9.3"))
                .expectNoEvents();
    }

    @Test
    void closingAVerifiedResolutionRecordsIt() {
        fixture.given(opened(), investigated(), linked(), advised(), new ResolutionVerified("pr-1", VERIFIED))
                .when(new CloseProblemReport("pr-1", "qa", NOW))
                .expectEvents(new ProblemReportClosed("pr-1", "qa", NOW));
    }

    @Test
    void aNoActionReportClosesWithoutAChangeInTheItems() {
        ResolutionVerification noChange =
                new ResolutionVerification(true, true, false, true, LocalDate.parse("2026-11-01"), "qa", NOW);
        fixture.given(
                        opened(),
                        investigated(),
                        new NoActionDecided("pr-1", "Cosmetic only", "eng", NOW),
                        advised(),
                        new ResolutionVerified("pr-1", noChange))
                .when(new CloseProblemReport("pr-1", "qa", NOW))
                .expectEvents(new ProblemReportClosed("pr-1", "qa", NOW));
    }

    @Test
    void aReportTriagedAfterClosureReopensTheProblemReport() {
        Instant later = NOW.plusSeconds(3600);
        fixture.given(closedHistory())
                .when(new RecordRecurrence("pr-1", "report-9", later))
                .expectEvents(new ProblemReportReopened("pr-1", "report-9", later));
    }

    @Test
    void aReportTriagedBeforeClosureDoesNotReopen() {
        fixture.given(closedHistory())
                .when(new RecordRecurrence("pr-1", "report-1", NOW.minusSeconds(60)))
                .expectNoEvents();
    }

    @Test
    void aReportOfAnOpenProblemChangesNothing() {
        fixture.given(opened())
                .when(new RecordRecurrence("pr-1", "report-2", NOW.plusSeconds(60)))
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
            new ResolutionVerified("pr-1", VERIFIED),
            new ProblemReportClosed("pr-1", "qa", NOW)
        };
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
