package org.fieldsafety.fsca.cases;

import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.fieldsafety.fsca.cases.FscaCaseCommand.AssessHealthHazard;
import org.fieldsafety.fsca.cases.FscaCaseCommand.CheckEffectiveness;
import org.fieldsafety.fsca.cases.FscaCaseCommand.CloseCase;
import org.fieldsafety.fsca.cases.FscaCaseCommand.CoverByPeriodicSummary;
import org.fieldsafety.fsca.cases.FscaCaseCommand.DecideFsca;
import org.fieldsafety.fsca.cases.FscaCaseCommand.DecideReportability;
import org.fieldsafety.fsca.cases.FscaCaseCommand.IssueFieldSafetyNotice;
import org.fieldsafety.fsca.cases.FscaCaseCommand.NotifyAuthority;
import org.fieldsafety.fsca.cases.FscaCaseCommand.RecordAcknowledgement;
import org.fieldsafety.fsca.cases.FscaCaseCommand.RecordDeliveryFailure;
import org.fieldsafety.fsca.cases.FscaCaseCommand.RecordFdaRequest;
import org.fieldsafety.fsca.cases.FscaCaseCommand.RecordSubmission;
import org.fieldsafety.fsca.cases.FscaCaseCommand.RecordTriage;
import org.fieldsafety.fsca.cases.FscaCaseCommand.ReopenClock;
import org.fieldsafety.fsca.cases.FscaCaseEvent.AcknowledgementRecorded;
import org.fieldsafety.fsca.cases.FscaCaseEvent.AuthorityNotified;
import org.fieldsafety.fsca.cases.FscaCaseEvent.ClockReopened;
import org.fieldsafety.fsca.cases.FscaCaseEvent.CorrectionReportDue;
import org.fieldsafety.fsca.cases.FscaCaseEvent.DeliveryFailed;
import org.fieldsafety.fsca.cases.FscaCaseEvent.EffectivenessChecked;
import org.fieldsafety.fsca.cases.FscaCaseEvent.FdaRequestRecorded;
import org.fieldsafety.fsca.cases.FscaCaseEvent.FieldSafetyNoticeIssued;
import org.fieldsafety.fsca.cases.FscaCaseEvent.FscaCaseClosed;
import org.fieldsafety.fsca.cases.FscaCaseEvent.FscaCaseOpened;
import org.fieldsafety.fsca.cases.FscaCaseEvent.FscaDecided;
import org.fieldsafety.fsca.cases.FscaCaseEvent.FscaReportsDue;
import org.fieldsafety.fsca.cases.FscaCaseEvent.HealthHazardAssessed;
import org.fieldsafety.fsca.cases.FscaCaseEvent.IncidentAttached;
import org.fieldsafety.fsca.cases.FscaCaseEvent.IncidentFollowedUp;
import org.fieldsafety.fsca.cases.FscaCaseEvent.IncidentReclassified;
import org.fieldsafety.fsca.cases.FscaCaseEvent.ProductIdentified;
import org.fieldsafety.fsca.cases.FscaCaseEvent.ReportSubmitted;
import org.fieldsafety.fsca.cases.FscaCaseEvent.ReportabilityDecided;
import org.fieldsafety.fsca.cases.FscaCaseEvent.ReportingClocksChanged;
import org.fieldsafety.fsca.cases.FscaCaseEvent.TrendSignalRecorded;
import org.fieldsafety.platform.domain.DomainException;
import org.fieldsafety.platform.domain.InvalidInput;
import org.fieldsafety.platform.domain.NotFound;
import org.fieldsafety.platform.signature.Signature;
import org.fieldsafety.platform.signature.SignatureMeaning;
import org.fieldsafety.platform.time.UsFederalHolidays;
import org.fieldsafety.platform.time.UsWorkDays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The lifecycle rules of an FSCA case, one aggregate fixture each. */
class FscaCaseTest {

    private static final Instant AWARE = Instant.parse("2026-11-20T10:15:00Z");
    /** A Saturday: 5 work days later, over Thanksgiving (2026-11-26), is Monday 2026-11-30. */
    private static final Instant NOW = Instant.parse("2026-11-21T08:00:00Z");

    private static final Signature APPROVAL = signed(SignatureMeaning.APPROVAL);
    private static final Signature REVIEW = signed(SignatureMeaning.REVIEW);
    private static final Signature AUTHORSHIP = signed(SignatureMeaning.AUTHORSHIP);
    private static final RegisteredProduct IN_GERMANY = new RegisteredProduct("Pump X", "0401", List.of("DE"));
    private static final RegisteredProduct IN_GERMANY_AND_US =
            new RegisteredProduct("Pump X", "0401", List.of("DE", "US"));
    private static final RegisteredProduct IN_GERMANY_AND_CANADA =
            new RegisteredProduct("Pump X", "0401", List.of("DE", "CA"));
    private static final String SRN = "DE-MF-000012345";
    private static final CaseDuties DUTIES = new CaseDuties(new UsWorkDays(new UsFederalHolidays(Set.of())));

    private AggregateTestFixture<FscaCase> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(FscaCase.class);
        fixture.registerInjectableResource(DUTIES);
    }

    // ---- news of the problem

    @Test
    void theFirstIncidentOfAProblemOpensItsCase() {
        fixture.givenNoPriorActivity()
                .when(triage(List.of(incident("r1")), List.of()))
                .expectEvents(
                        new FscaCaseOpened("case-1", "problem-1", "PUMP", NOW, null, 0),
                        new ProductIdentified("case-1", IN_GERMANY),
                        new IncidentAttached("case-1", incident("r1")));
    }

    @Test
    void theIncidentsOfABatchAttachInTheOrderTheyCame() {
        fixture.given(history())
                .when(triage(List.of(incident("r1"), incident("r2")), List.of()))
                .expectEvents(
                        new IncidentAttached("case-1", incident("r1")), new IncidentAttached("case-1", incident("r2")));
    }

    @Test
    void aRedeliveredIncidentChangesNothing() {
        fixture.given(history(attached("r1")))
                .when(triage(List.of(incident("r1")), List.of()))
                .expectNoEvents();
    }

    @Test
    void aReportTriagedAgainWithOtherDutiesIsReclassifiedFromItsFirstAwareness() {
        Instant laterAwareness = AWARE.plusSeconds(7200);
        Incident retriaged = incident("r1", laterAwareness, "Art. 87(5)", laterAwareness.plusSeconds(10 * 86400));
        fixture.given(history(attached("r1")))
                .when(triage(List.of(retriaged), List.of()))
                .expectEvents(new IncidentReclassified(
                        "case-1",
                        "r1",
                        AWARE,
                        List.of(ReportingClock.proposed("EU_MDR", "Art. 87(5)", AWARE.plusSeconds(10 * 86400))),
                        NOW));
    }

    @Test
    void aTrendSignalIsRecordedOnceAndANewEpisodeToo() {
        fixture.given(history(new TrendSignalRecorded("case-1", trend("episode-1"))))
                .when(triage(List.of(), List.of(trend("episode-1"), trend("episode-2"))))
                .expectEvents(new TrendSignalRecorded("case-1", trend("episode-2")));
    }

    /** A follow-up updates its incident: a sooner deadline replaces the clock, which goes to the history. */
    @Test
    void aFollowUpUpdatesItsIncidentAndKeepsTheClocksHistory() {
        Instant deathAware = AWARE.plusSeconds(86400);
        Incident death = followUp("r1-fu", deathAware, "Art. 87(4)", deathAware.plusSeconds(10 * 86400));
        fixture.given(history(attached("r1")))
                .when(triage(List.of(death), List.of()))
                .expectEvents(new IncidentFollowedUp(
                        "case-1",
                        "r1",
                        death,
                        List.of(ReportingClock.proposed("EU_MDR", "Art. 87(4)", deathAware.plusSeconds(10 * 86400)))));
    }

    @Test
    void aRedeliveredFollowUpChangesNothing() {
        Incident later = followUp("r1-fu", AWARE, "Art. 87(3)", AWARE.plusSeconds(15 * 86400));
        fixture.given(history(
                        attached("r1"),
                        new IncidentFollowedUp(
                                "case-1", "r1", later, incident("r1").clocks())))
                .when(triage(List.of(later), List.of()))
                .expectNoEvents();
    }

    // ---- no incident is ever hidden

    /** A closed case takes no incident: it answers the command for the problem's next case, linked to it. */
    @Test
    void aClosedCaseHandsANewIncidentToTheProblemsNextCase() {
        RecordTriage news = triage(List.of(incident("r1"), incident("r2")), List.of());
        fixture.given(history(attached("r1"), decided(FscaDecision.NO_FSCA), closed()))
                .when(news)
                .expectNoEvents()
                .expectResultMessagePayload(new RecordTriage(
                        FscaCases.caseIdFor("problem-1", 1),
                        "problem-1",
                        "PUMP",
                        IN_GERMANY,
                        List.of(incident("r2")),
                        List.of(),
                        NOW,
                        "case-1",
                        1,
                        List.of()));
    }

    @Test
    void aClosedCaseAnswersNothingForNewsItHolds() {
        fixture.given(history(attached("r1"), decided(FscaDecision.NO_FSCA), closed()))
                .when(triage(List.of(incident("r1")), List.of()))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(nullValue());
    }

    @Test
    void theNextCaseOpensLinkedAndCarriesTheFdaRequests() {
        FdaRequest request = new FdaRequest("FDA-1", AWARE, null);
        fixture.givenNoPriorActivity()
                .when(new RecordTriage(
                        "case-2",
                        "problem-1",
                        "PUMP",
                        IN_GERMANY,
                        List.of(),
                        List.of(),
                        NOW,
                        "case-1",
                        1,
                        List.of(request)))
                .expectEvents(
                        new FscaCaseOpened("case-2", "problem-1", "PUMP", NOW, "case-1", 1),
                        new FdaRequestRecorded("case-2", request),
                        new ProductIdentified("case-2", IN_GERMANY));
    }

    @Test
    void caseIdsFollowTheProblemAndTheCasesPlaceInItsLine() {
        org.junit.jupiter.api.Assertions.assertEquals(
                FscaCases.caseIdFor("problem-1"), FscaCases.caseIdFor("problem-1", 0));
        org.junit.jupiter.api.Assertions.assertNotEquals(
                FscaCases.caseIdFor("problem-1"), FscaCases.caseIdFor("problem-1", 1));
    }

    /** A decided case that receives an incident shows it and asks for the decision to be reviewed. */
    @Test
    void aDecidedCaseWithANewIncidentIsNotClosedBeforeTheDecisionIsReviewed() {
        fixture.given(history(decided(FscaDecision.NO_FSCA), attached("r2"), notReportable("r2")))
                .when(new CloseCase("case-1", "Benign", APPROVAL))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("confirm or revise the decision"));
    }

    @Test
    void aDecidedCaseWithoutNewsIsNotDecidedAgain() {
        fixture.given(history(decided(FscaDecision.NO_FSCA)))
                .when(new DecideFsca("case-1", FscaDecision.NO_FSCA, null, "Again", false, APPROVAL))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("MDR Art. 89"));
    }

    @Test
    void aDecidedCaseWithNewsIsReviewedWithANewSignature() {
        fixture.given(history(decided(FscaDecision.NO_FSCA), attached("r2")))
                .when(new DecideFsca(
                        "case-1", FscaDecision.FSCA_REQUIRED, FscaAction.SOFTWARE_UPDATE, "Revised", false, APPROVAL))
                .expectEvents(
                        new FscaDecided(
                                "case-1",
                                "problem-1",
                                "PUMP",
                                List.of("dose-calculator"),
                                FscaDecision.FSCA_REQUIRED,
                                FscaAction.SOFTWARE_UPDATE,
                                "Revised",
                                APPROVAL,
                                3,
                                false,
                                true),
                        new FscaReportsDue(
                                "case-1", NOW, List.of(Authorities.of("DE").orElseThrow())));
    }

    @Test
    void anFscaUnderWayIsNotRevisedAway() {
        fixture.given(history(
                        attached("r1"),
                        decided(FscaDecision.FSCA_REQUIRED),
                        notified("DE", true),
                        issued(1, IN_GERMANY),
                        attached("r2")))
                .when(new DecideFsca("case-1", FscaDecision.NO_FSCA, null, "Revised", false, APPROVAL))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("under way"));
    }

    // ---- a person decides reportability

    @Test
    void aSignedNotReportableEndsTheClock() {
        fixture.given(history(attached("r1")))
                .when(new DecideReportability(
                        "case-1", "r1", "EU_MDR", Reportability.NOT_REPORTABLE, "No link to the device", APPROVAL))
                .expectEvents(notReportable("r1"));
    }

    @Test
    void aReportabilityDecisionOnAnUnknownIncidentOrRegimeIsNotFound() {
        fixture.given(history(attached("r1")))
                .when(new DecideReportability("case-1", "r1", "CA_HC", Reportability.REPORTABLE, "Canada", APPROVAL))
                .expectException(NotFound.class);
        fixture.given(history(attached("r1")))
                .when(new DecideReportability("case-1", "r9", "EU_MDR", Reportability.REPORTABLE, "?", APPROVAL))
                .expectException(NotFound.class);
    }

    /** Any regime triage publishes is a clock here: regimes are data. */
    @Test
    void aRegimeAddedInTriageIsDecidedLikeAnyOther() {
        Incident canadian = Incidents.overdose(
                "r1", AWARE, "4.2.1", List.of(ReportingClock.proposed("CA_HC", "SOR/98-282 s.60", NOW)));
        fixture.given(history(new IncidentAttached("case-1", canadian)))
                .when(new DecideReportability("case-1", "r1", "CA_HC", Reportability.REPORTABLE, "Serious", APPROVAL))
                .expectEventsMatching(
                        payloadsMatching(exactSequenceOf(instanceOf(ReportabilityDecided.class), andNoMore())));
    }

    @Test
    void aSubmittedReportIsNotDecidedAgainNorSubmittedTwice() {
        ReportSubmitted submitted =
                new ReportSubmitted("case-1", "r1", "EU_MDR", new ReportingClock.Submission("MIR-1", NOW));
        fixture.given(history(attached("r1"), submitted))
                .when(new DecideReportability(
                        "case-1", "r1", "EU_MDR", Reportability.NOT_REPORTABLE, "Too late", APPROVAL))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("follow-up report"));
        fixture.given(history(attached("r1"), submitted))
                .when(new RecordSubmission("case-1", "r1", "EU_MDR", "MIR-2", NOW))
                .expectException(DomainException.class);
    }

    @Test
    void aSubmissionEndsTheClock() {
        fixture.given(history(attached("r1")))
                .when(new RecordSubmission("case-1", "r1", "EU_MDR", "MIR-1", NOW))
                .expectEvents(
                        new ReportSubmitted("case-1", "r1", "EU_MDR", new ReportingClock.Submission("MIR-1", NOW)));
    }

    /**
     * MDR Art. 87(9): an incident a periodic summary lists is due with the summary, once; a clock no longer
     * running stays.
     */
    @Test
    void aClockCoveredByAPeriodicSummaryIsDueWithIt() {
        Instant summaryDue = AWARE.plusSeconds(90 * 86400);
        ReportingClocksChanged covered = new ReportingClocksChanged(
                "case-1",
                "r1",
                List.of(ReportingClock.proposed("EU_MDR", CaseDuties.PERIODIC_SUMMARY, summaryDue)),
                "MDR Art. 87(9): listed in periodic summary report psr-1",
                NOW);
        fixture.given(history(attached("r1")))
                .when(new CoverByPeriodicSummary("case-1", "r1", "EU_MDR", "psr-1", summaryDue, NOW))
                .expectEvents(covered);
        fixture.given(history(attached("r1"), covered))
                .when(new CoverByPeriodicSummary("case-1", "r1", "EU_MDR", "psr-1", summaryDue, NOW))
                .expectNoEvents();
        fixture.given(history(
                        attached("r1"),
                        new ReportSubmitted("case-1", "r1", "EU_MDR", new ReportingClock.Submission("MIR-1", NOW))))
                .when(new CoverByPeriodicSummary("case-1", "r1", "EU_MDR", "psr-1", summaryDue, NOW))
                .expectNoEvents();
    }

    /** MDR Art. 87; 21 CFR 803.50: a rejected report did not discharge its duty, so its clock runs again. */
    @Test
    void aRejectedSubmissionReopensTheClock() {
        ReportSubmitted submitted =
                new ReportSubmitted("case-1", "r1", "EU_MDR", new ReportingClock.Submission("MIR-1", NOW));
        fixture.given(history(attached("r1"), submitted))
                .when(new ReopenClock("case-1", "r1", "EU_MDR", "schema error", NOW))
                .expectEvents(new ClockReopened(
                        "case-1",
                        "r1",
                        "EU_MDR",
                        "schema error",
                        NOW,
                        incident("r1").clocks().get(0)));
        fixture.given(history(attached("r1")))
                .when(new ReopenClock("case-1", "r1", "EU_MDR", "schema error", NOW))
                .expectNoEvents();
        fixture.given(history(attached("r1"), submitted, new ClockReopened("case-1", "r1", "EU_MDR", "x", NOW, null)))
                .when(new RecordSubmission("case-1", "r1", "EU_MDR", "MIR-2", NOW))
                .expectEvents(
                        new ReportSubmitted("case-1", "r1", "EU_MDR", new ReportingClock.Submission("MIR-2", NOW)));
    }

    /** 21 CFR 803.56: new information on a submitted FDA report is a supplemental report due in 30 days. */
    @Test
    void aFollowUpOfASubmittedFdaReportIsASupplementalReport() {
        Incident us = Incidents.overdose(
                "r1",
                AWARE,
                "4.2.1",
                List.of(ReportingClock.proposed("US_FDA", "21 CFR 803.50", AWARE.plusSeconds(30 * 86400))));
        Instant newInformation = NOW;
        Incident later = Incidents.followUpOf(
                Incidents.overdose(
                        "r1-fu",
                        newInformation,
                        "4.2.1",
                        List.of(ReportingClock.proposed(
                                "US_FDA", "21 CFR 803.50", newInformation.plusSeconds(30 * 86400)))),
                "r1");
        ReportingClock.Submission submission = new ReportingClock.Submission("MDR-1", AWARE.plusSeconds(3600));
        fixture.given(history(
                        new IncidentAttached("case-1", us), new ReportSubmitted("case-1", "r1", "US_FDA", submission)))
                .when(triage(List.of(later), List.of()))
                .expectEvents(new IncidentFollowedUp(
                        "case-1",
                        "r1",
                        later,
                        List.of(ReportingClock.proposed(
                                        "US_FDA", "21 CFR 803.56", newInformation.plusSeconds(30 * 86400))
                                .numbered(1))));
    }

    // ---- the US duties that follow from the case

    /** 21 CFR 803.53(a): remedial action found needed makes the US report a 5-work-day report. */
    @Test
    void remedialActionNeededAtTheAssessmentStartsTheFiveDayReport() {
        fixture.given(history(new IncidentAttached("case-1", usIncident("r1"))))
                .when(new AssessHealthHazard("case-1", "Overdose possible", false, true, REVIEW, NOW))
                .expectEvents(
                        new HealthHazardAssessed("case-1", "Overdose possible", false, NOW, true, REVIEW, 2),
                        new ReportingClocksChanged(
                                "case-1",
                                "r1",
                                List.of(ReportingClock.proposed(
                                        "US_FDA", "21 CFR 803.53", Instant.parse("2026-11-30T08:00:00Z"))),
                                "21 CFR 803.53(a): remedial action needed",
                                NOW));
    }

    /** 21 CFR 803.53(b): after an FDA written request, each later event of the problem is a 5-day report. */
    @Test
    void anFdaRequestMakesEachLaterEventAFiveDayReport() {
        FdaRequest request = new FdaRequest("FDA-2026-1", AWARE.minusSeconds(86400), null);
        fixture.given(history(new FdaRequestRecorded("case-1", request)))
                .when(triage(List.of(usIncident("r1")), List.of()))
                .expectEvents(new IncidentAttached(
                        "case-1",
                        usIncident("r1")
                                .withClocks(
                                        List.of(ReportingClock.proposed(
                                                "US_FDA", "21 CFR 803.53", Instant.parse("2026-11-30T10:15:00Z"))),
                                        "21 CFR 803.53(b): FDA written request FDA-2026-1",
                                        NOW)));
    }

    @Test
    void anFdaRequestReceivedInTheFutureIsRejectedAndOneRecordedAgainChangesNothing() {
        FdaRequest request = new FdaRequest("FDA-2026-1", NOW, null);
        fixture.given(history())
                .when(new RecordFdaRequest("case-1", new FdaRequest("FDA-2026-1", NOW.plusSeconds(60), null), NOW))
                .expectException(InvalidInput.class);
        fixture.given(history(new FdaRequestRecorded("case-1", request)))
                .when(new RecordFdaRequest("case-1", request, NOW))
                .expectNoEvents();
    }

    /** 21 CFR 806.10: the first notice of US-marketed devices starts the 10-work-day correction report. */
    @Test
    void theFirstNoticeOfUsMarketedDevicesStartsTheCorrectionReport() {
        fixture.given(historyOf(
                        IN_GERMANY_AND_US, attached("r1"), decided(FscaDecision.FSCA_REQUIRED), notified("DE", true)))
                .when(issue(AUTHORSHIP))
                .expectEvents(
                        issued(1, IN_GERMANY_AND_US),
                        new CorrectionReportDue(
                                "case-1",
                                ReportingClock.proposed(
                                        "US_FDA", "21 CFR 806.10", Instant.parse("2026-12-07T08:00:00Z"))));
    }

    /** 806.10(f), 806.20: regulatory affairs records that the correction is not reportable; the case closes. */
    @Test
    void aCorrectionReportSignedNotReportableLetsTheCaseClose() {
        ReportingClock correction =
                ReportingClock.proposed("US_FDA", "21 CFR 806.10", Instant.parse("2026-12-07T08:00:00Z"));
        fixture.given(historyOf(
                        IN_GERMANY_AND_US,
                        attached("r1"),
                        notReportable("r1"),
                        decided(FscaDecision.FSCA_REQUIRED),
                        notified("DE", true),
                        notified("US", false),
                        issued(1, IN_GERMANY_AND_US),
                        new CorrectionReportDue("case-1", correction),
                        passed()))
                .when(new DecideReportability(
                        "case-1", null, "US_FDA", Reportability.NOT_REPORTABLE, "Reported under 803", APPROVAL))
                .expectEventsMatching(
                        payloadsMatching(exactSequenceOf(instanceOf(ReportabilityDecided.class), andNoMore())));
        fixture.given(historyOf(
                        IN_GERMANY_AND_US,
                        attached("r1"),
                        notReportable("r1"),
                        decided(FscaDecision.FSCA_REQUIRED),
                        notified("DE", true),
                        notified("US", false),
                        issued(1, IN_GERMANY_AND_US),
                        new CorrectionReportDue("case-1", correction),
                        passed()))
                .when(new CloseCase("case-1", "Done", APPROVAL))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("the correction report 21 CFR 806.10"));
    }

    // ---- the FSCA as the texts ask

    @Test
    void anAuthorityIsNotifiedOfAnFscaRequiredDecision() {
        fixture.given(history(decided(FscaDecision.FSCA_REQUIRED)))
                .when(new NotifyAuthority("case-1", "DE", "CA of DE", "ref-DE", NOW, true, NOW))
                .expectEvents(notified("DE", true));
    }

    @Test
    void aNotificationInTheFutureOrBeforeTheCaseOrOfAnUnknownCountryIsRejected() {
        fixture.given(history(decided(FscaDecision.FSCA_REQUIRED)))
                .when(new NotifyAuthority("case-1", "DE", "BfArM", "r", NOW.plusSeconds(60), true, NOW))
                .expectException(InvalidInput.class)
                .expectExceptionMessage(containsString("not later than now"));
        fixture.given(history(decided(FscaDecision.FSCA_REQUIRED)))
                .when(new NotifyAuthority("case-1", "DE", "BfArM", "r", NOW.minusSeconds(1), true, NOW))
                .expectException(InvalidInput.class)
                .expectExceptionMessage(containsString("not before the case was opened"));
        fixture.given(history(decided(FscaDecision.FSCA_REQUIRED)))
                .when(new NotifyAuthority("case-1", "ZZ", "Nobody", "r", NOW, true, NOW))
                .expectException(InvalidInput.class);
    }

    @Test
    void notifyingAnAuthorityWithoutAnFscaIsRejected() {
        fixture.given(history(decided(FscaDecision.NO_FSCA)))
                .when(new NotifyAuthority("case-1", "DE", "BfArM", "r", NOW, true, NOW))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("MDR Art. 87(1)(b)"));
    }

    /** MDR Art. 89(8): one authority of another country does not unlock the notice; each EU one with the draft. */
    @Test
    void theNoticeWaitsForEveryEuAuthorityWithTheDraft() {
        RegisteredProduct inEurope = new RegisteredProduct("Pump X", "0401", List.of("DE", "FR"));
        fixture.given(historyOf(
                        inEurope,
                        attached("r1"),
                        decided(FscaDecision.FSCA_REQUIRED),
                        notified("DE", true),
                        notified("FR", false)))
                .when(issue(AUTHORSHIP))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("FR (EU_MDR)"));
    }

    @Test
    void anUrgentCaseIssuesTheNoticeBeforeNotifying() {
        fixture.given(history(
                        attached("r1"),
                        new HealthHazardAssessed("case-1", "Overdose possible", true, NOW, false, REVIEW, 2),
                        decided(FscaDecision.FSCA_REQUIRED)))
                .when(issue(AUTHORSHIP))
                .expectResultMessagePayloadMatching(instanceOf(FieldSafetyNotice.class))
                .expectEventsMatching(
                        payloadsMatching(exactSequenceOf(instanceOf(FieldSafetyNoticeIssued.class), andNoMore())));
    }

    /** Art. 87(8) drops only "in advance": an urgent case still closes only with every authority notified. */
    @Test
    void anUrgentCaseDoesNotCloseWithoutItsNotifications() {
        fixture.given(history(
                        attached("r1"),
                        notReportable("r1"),
                        new HealthHazardAssessed("case-1", "Overdose possible", true, NOW, false, REVIEW, 2),
                        decided(FscaDecision.FSCA_REQUIRED),
                        issued(1, IN_GERMANY),
                        passed()))
                .when(new CloseCase("case-1", "Done", APPROVAL))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("DE (EU_MDR)"));
    }

    @Test
    void aFollowUpNoticeIsIssuedOnceTheDraftWentAgain() {
        fixture.given(history(
                        attached("r1"),
                        decided(FscaDecision.FSCA_REQUIRED),
                        notified("DE", true),
                        issued(1, IN_GERMANY),
                        notified("DE", true)))
                .when(issue(AUTHORSHIP))
                .expectEvents(issued(2, IN_GERMANY));
        fixture.given(history(
                        attached("r1"),
                        decided(FscaDecision.FSCA_REQUIRED),
                        notified("DE", true),
                        issued(1, IN_GERMANY)))
                .when(issue(AUTHORSHIP))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("draft of notice 2"));
    }

    @Test
    void acknowledgementsAndFailedDeliveriesAreTrackedPerNotice() {
        List<Object> out = history(
                attached("r1"), decided(FscaDecision.FSCA_REQUIRED), notified("DE", true), issued(1, IN_GERMANY));
        fixture.given(out)
                .when(new RecordAcknowledgement("case-1", null, "clinic-a", NOW))
                .expectEvents(new AcknowledgementRecorded("case-1", "clinic-a", NOW, "FSN-case-1"));
        fixture.given(with(out, new AcknowledgementRecorded("case-1", "clinic-a", NOW, null)))
                .when(new RecordAcknowledgement("case-1", "FSN-case-1", "clinic-a", NOW))
                .expectNoEvents();
        fixture.given(out)
                .when(new RecordAcknowledgement("case-1", null, "stranger", NOW))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("not a recipient"));
        fixture.given(out)
                .when(new RecordAcknowledgement("case-1", "FSN-case-1-2", "clinic-a", NOW))
                .expectException(NotFound.class);
        fixture.given(with(
                        out,
                        new DeliveryFailed("case-1", "clinic-b", "bounced", 1, false, NOW, null),
                        new DeliveryFailed("case-1", "clinic-b", "bounced", 2, false, NOW, "FSN-case-1")))
                .when(new RecordDeliveryFailure("case-1", null, "clinic-b", "bounced", NOW))
                .expectEvents(new DeliveryFailed("case-1", "clinic-b", "bounced", 3, true, NOW, "FSN-case-1"));
    }

    @Test
    void nothingIsAcknowledgedBeforeANotice() {
        fixture.given(history(decided(FscaDecision.FSCA_REQUIRED)))
                .when(new RecordAcknowledgement("case-1", null, "clinic-a", NOW))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("MDR Art. 89(8)"));
    }

    @Test
    void effectivenessIsCheckedOnlyAfterTheNotice() {
        fixture.given(history(decided(FscaDecision.FSCA_REQUIRED), notified("DE", true)))
                .when(new CheckEffectiveness("case-1", EffectivenessOutcome.PASSED, "All updated", NOW))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("ISO 13485 8.5.2"));
    }

    // ---- closure

    @Test
    void aCaseClosesWithEveryClockEndedAndEveryAuthorityNotified() {
        fixture.given(history(
                        attached("r1"),
                        notReportable("r1"),
                        decided(FscaDecision.FSCA_REQUIRED),
                        notified("DE", true),
                        issued(1, IN_GERMANY),
                        passed()))
                .when(new CloseCase("case-1", "Done", APPROVAL))
                .expectEvents(new FscaCaseClosed("case-1", "problem-1", "PUMP", "Done", APPROVAL, 7));
    }

    /**
     * MDR Art. 89(5): once the investigation concluded (no FSCA decided, or the FSCA's effectiveness verified),
     * each incident reported to the EU gets its final report, due then, numbered after the reports taken;
     * the case closes only after it.
     */
    @Test
    void aReportedIncidentGetsItsFinalReportOnceTheInvestigationConcludes() {
        ReportSubmitted submitted =
                new ReportSubmitted("case-1", "r1", "EU_MDR", new ReportingClock.Submission("MIR-1", NOW));
        ReportingClock finalReport =
                ReportingClock.proposed("EU_MDR", CaseDuties.FINAL_REPORT, NOW).numbered(1);
        ReportingClocksChanged due = new ReportingClocksChanged(
                "case-1", "r1", List.of(finalReport), "MDR Art. 89(5): investigation concluded", NOW);
        fixture.given(history(attached("r1"), submitted, attached("r2")))
                .when(new DecideFsca("case-1", FscaDecision.NO_FSCA, null, "Benign", false, APPROVAL))
                .expectEventsMatching(
                        payloadsMatching(exactSequenceOf(instanceOf(FscaDecided.class), equalTo(due), andNoMore())));
        fixture.given(history(
                        attached("r1"),
                        submitted,
                        decided(FscaDecision.FSCA_REQUIRED),
                        notified("DE", true),
                        issued(1, IN_GERMANY)))
                .when(new CheckEffectiveness("case-1", EffectivenessOutcome.PASSED, "All updated", NOW))
                .expectEvents(passed(), due);
        fixture.given(history(attached("r1"), submitted, decided(FscaDecision.NO_FSCA), due))
                .when(new CloseCase("case-1", "Benign", APPROVAL))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("report r1 EU_MDR MDR Art. 89(5)"));
        fixture.given(history(attached("r1"), submitted, decided(FscaDecision.NO_FSCA), due))
                .when(new RecordSubmission("case-1", "r1", "EU_MDR", "MIR-FINAL", NOW))
                .expectEvents(
                        new ReportSubmitted("case-1", "r1", "EU_MDR", new ReportingClock.Submission("MIR-FINAL", NOW)));
    }

    @Test
    void aCaseWithAnOpenClockDoesNotClose() {
        fixture.given(history(attached("r1"), decided(FscaDecision.NO_FSCA)))
                .when(new CloseCase("case-1", "Benign", APPROVAL))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("report r1 EU_MDR Art. 87(3)"));
    }

    @Test
    void aCaseDoesNotCloseAfterAFailedEffectivenessCheckNorUndecided() {
        fixture.given(history(
                        decided(FscaDecision.FSCA_REQUIRED),
                        notified("DE", true),
                        issued(1, IN_GERMANY),
                        new EffectivenessChecked("case-1", EffectivenessOutcome.FAILED, "Half still old", NOW)))
                .when(new CloseCase("case-1", "Done", APPROVAL))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("passed effectiveness check"));
        fixture.given(history())
                .when(new CloseCase("case-1", "Nothing to do", APPROVAL))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("ISO 13485 8.5.2"));
    }

    @Test
    void aClosedCaseTakesNoFurtherSteps() {
        fixture.given(history(decided(FscaDecision.NO_FSCA), closed()))
                .when(new CloseCase("case-1", "Again", APPROVAL))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("closed"));
    }

    // ---- signature meanings (21 CFR 11.50(a)(3))

    @Test
    void eachStepIsSignedWithItsMeaning() {
        fixture.given(history())
                .when(new DecideFsca("case-1", FscaDecision.NO_FSCA, null, "Benign", false, REVIEW))
                .expectException(InvalidInput.class)
                .expectExceptionMessage(containsString("meaning APPROVAL, not REVIEW"));
        fixture.given(history())
                .when(new AssessHealthHazard("case-1", "Assessed", false, false, APPROVAL, NOW))
                .expectException(InvalidInput.class)
                .expectExceptionMessage(containsString("meaning REVIEW"));
        fixture.given(history(attached("r1")))
                .when(new DecideReportability("case-1", "r1", "EU_MDR", Reportability.NOT_REPORTABLE, "r", AUTHORSHIP))
                .expectException(InvalidInput.class)
                .expectExceptionMessage(containsString("meaning APPROVAL"));
        fixture.given(history(decided(FscaDecision.FSCA_REQUIRED), notified("DE", true)))
                .when(issue(APPROVAL))
                .expectException(InvalidInput.class)
                .expectExceptionMessage(containsString("meaning AUTHORSHIP"));
        fixture.given(history(decided(FscaDecision.NO_FSCA)))
                .when(new CloseCase("case-1", "Benign", REVIEW))
                .expectException(InvalidInput.class)
                .expectExceptionMessage(containsString("meaning APPROVAL"));
    }

    @Test
    void aDecisionWithoutItsSignatureOrAnFscaWithoutActionIsRejected() {
        fixture.given(history())
                .when(new DecideFsca("case-1", FscaDecision.NO_FSCA, null, "Benign", false, null))
                .expectException(InvalidInput.class);
        fixture.given(history())
                .when(new DecideFsca("case-1", FscaDecision.FSCA_REQUIRED, null, "Overdose", false, APPROVAL))
                .expectException(DomainException.class)
                .expectNoEvents();
    }

    @Test
    void anAssessmentAfterTheDecisionWaitsForNews() {
        fixture.given(history(decided(FscaDecision.NO_FSCA)))
                .when(new AssessHealthHazard("case-1", "Too late", false, false, REVIEW, NOW))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("MDR Art. 89"));
        fixture.given(history(decided(FscaDecision.NO_FSCA), new TrendSignalRecorded("case-1", trend("episode-1"))))
                .when(new AssessHealthHazard("case-1", "Rising", false, false, REVIEW, NOW))
                .expectEventsMatching(
                        payloadsMatching(exactSequenceOf(instanceOf(HealthHazardAssessed.class), andNoMore())));
    }

    /**
     * SOR/98-282 s.59(2): corrective action decided for a device sold in Canada makes each serious incident
     * abroad reportable to Health Canada, 10 days from the decision (s.60(1)(a), the reading that reports).
     */
    @Test
    void anFscaForADeviceSoldInCanadaMakesItsIncidentsAbroadReportableThere() {
        Incident abroad = incident("r1");
        fixture.given(historyOf(IN_GERMANY_AND_CANADA, new IncidentAttached("case-1", abroad)))
                .when(new DecideFsca(
                        "case-1", FscaDecision.FSCA_REQUIRED, FscaAction.SOFTWARE_UPDATE, "Overdose", false, APPROVAL))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        instanceOf(FscaDecided.class),
                        equalTo(new FscaReportsDue(
                                "case-1",
                                NOW,
                                Authorities.concerned(IN_GERMANY_AND_CANADA, List.of(abroad.country())))),
                        equalTo(new ReportingClocksChanged(
                                "case-1",
                                "r1",
                                List.of(abroad.clocks().get(0), canadaClock(NOW)),
                                "SOR/98-282 s.59(2): corrective action decided",
                                NOW)),
                        andNoMore())));
    }

    /** After corrective action, a serious incident abroad arrives with Health Canada's clock; none without it. */
    @Test
    void aSeriousIncidentAbroadAfterCorrectiveActionComesWithHealthCanadasClock() {
        Incident later = incident("r2");
        fixture.given(historyOf(IN_GERMANY_AND_CANADA, decided(FscaDecision.FSCA_REQUIRED)))
                .when(triage(IN_GERMANY_AND_CANADA, List.of(later), List.of()))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        equalTo(new IncidentAttached(
                                "case-1",
                                later.withClocks(
                                        List.of(later.clocks().get(0), canadaClock(NOW)),
                                        "SOR/98-282 s.59(2): corrective action decided",
                                        NOW))),
                        andNoMore())));
        fixture.given(historyOf(IN_GERMANY_AND_CANADA, decided(FscaDecision.NO_FSCA)))
                .when(triage(IN_GERMANY_AND_CANADA, List.of(later), List.of()))
                .expectEventsMatching(
                        payloadsMatching(exactSequenceOf(equalTo(new IncidentAttached("case-1", later)), andNoMore())));
    }

    private static ReportingClock canadaClock(Instant correctiveActionAt) {
        return ReportingClock.proposed(
                CaseDuties.CA_HC, CaseDuties.FOREIGN_INCIDENT, correctiveActionAt.plusSeconds(10 * 86400));
    }

    /** 21 CFR 803.53(a) at the decision: a decision that finds remedial action needed starts the 5-day report. */
    @Test
    void remedialActionNeededAtTheDecisionStartsTheFiveDayReport() {
        fixture.given(history(new IncidentAttached("case-1", usIncident("r1"))))
                .when(new DecideFsca("case-1", FscaDecision.NO_FSCA, null, "Advice suffices", true, APPROVAL))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        instanceOf(FscaDecided.class), instanceOf(ReportingClocksChanged.class), andNoMore())));
    }

    @Test
    void aNewFdaRequestBringsTheCoveredEventsForward() {
        FdaRequest request = new FdaRequest("FDA-2026-2", AWARE, AWARE.plusSeconds(86400));
        fixture.given(history(new IncidentAttached("case-1", usIncident("r1"))))
                .when(new RecordFdaRequest("case-1", request, NOW))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        instanceOf(FdaRequestRecorded.class), instanceOf(ReportingClocksChanged.class), andNoMore())));
        org.junit.jupiter.api.Assertions.assertFalse(request.covers(AWARE.plusSeconds(2 * 86400)));
    }

    @Test
    void aFollowUpAfterTheDecisionAsksForItsReview() {
        Incident later = followUp("r1-fu", AWARE, "Art. 87(3)", AWARE.plusSeconds(15 * 86400));
        fixture.given(history(
                        attached("r1"),
                        decided(FscaDecision.NO_FSCA),
                        new IncidentFollowedUp(
                                "case-1", "r1", later, incident("r1").clocks()),
                        notReportable("r1")))
                .when(new CloseCase("case-1", "Benign", APPROVAL))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("confirm or revise"));
    }

    @Test
    void aClosureRefusalNamesFiveOpenClocksAndCountsTheRest() {
        List<Object> events = history(decided(FscaDecision.NO_FSCA));
        for (int i = 1; i <= 7; i++) {
            events.add(attached("r" + i));
        }
        events.add(decided(FscaDecision.NO_FSCA));
        fixture.given(events)
                .when(new CloseCase("case-1", "Benign", APPROVAL))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("and 2 more"));
    }

    @Test
    void aNotificationStoredBeforeCountriesUnlocksNothing() {
        fixture.given(history(
                        attached("r1"),
                        decided(FscaDecision.FSCA_REQUIRED),
                        new AuthorityNotified("case-1", "problem-1", "PUMP", "BfArM", "B-1", NOW, null, false)))
                .when(issue(AUTHORSHIP))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("DE (EU_MDR)"));
    }

    @Test
    void theEffectivenessOfAnIssuedNoticeIsCheckedAndTheCasesOwnClockSubmitted() {
        List<Object> out = history(
                attached("r1"), decided(FscaDecision.FSCA_REQUIRED), notified("DE", true), issued(1, IN_GERMANY));
        fixture.given(out)
                .when(new CheckEffectiveness("case-1", EffectivenessOutcome.PASSED, "All updated", NOW))
                .expectEvents(passed());
        ReportingClock correction = ReportingClock.proposed("US_FDA", "21 CFR 806.10", NOW);
        fixture.given(with(out, new CorrectionReportDue("case-1", correction)))
                .when(new RecordSubmission("case-1", null, "US_FDA", "Z-1", NOW))
                .expectEvents(new ReportSubmitted("case-1", null, "US_FDA", new ReportingClock.Submission("Z-1", NOW)));
        fixture.given(out)
                .when(new RecordSubmission("case-1", null, "US_FDA", "Z-1", NOW))
                .expectException(NotFound.class)
                .expectExceptionMessage(containsString("FSCA case case-1"));
    }

    // ---- helpers

    private static Signature signed(SignatureMeaning meaning) {
        return new Signature("ra", "Rita Affairs", meaning, NOW);
    }

    private static RecordTriage triage(List<Incident> incidents, List<TrendSignal> signals) {
        return triage(IN_GERMANY, incidents, signals);
    }

    private static RecordTriage triage(RegisteredProduct product, List<Incident> incidents, List<TrendSignal> signals) {
        return new RecordTriage("case-1", "problem-1", "PUMP", product, incidents, signals, NOW, null, 0, List.of());
    }

    /** The case opened for a product on the German market, then {@code events}. */
    private static List<Object> history(Object... events) {
        return historyOf(IN_GERMANY, events);
    }

    private static List<Object> historyOf(RegisteredProduct product, Object... events) {
        List<Object> all = new ArrayList<>();
        all.add(new FscaCaseOpened("case-1", "problem-1", "PUMP", NOW, null, 0));
        all.add(new ProductIdentified("case-1", product));
        all.addAll(Arrays.asList(events));
        return all;
    }

    private static List<Object> with(List<Object> history, Object... events) {
        List<Object> all = new ArrayList<>(history);
        all.addAll(Arrays.asList(events));
        return all;
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
                APPROVAL,
                1,
                false,
                false);
    }

    private static ReportabilityDecided notReportable(String reportId) {
        ReportingClock.Decision decision =
                new ReportingClock.Decision(Reportability.NOT_REPORTABLE, "No link to the device", APPROVAL, 2);
        return new ReportabilityDecided(
                "case-1",
                "problem-1",
                "PUMP",
                reportId,
                "EU_MDR",
                "Art. 87(3)",
                decision,
                ReportingClock.proposed("EU_MDR", "Art. 87(3)", AWARE.plusSeconds(15 * 86400))
                        .decided(decision));
    }

    private static AuthorityNotified notified(String country, boolean draft) {
        return new AuthorityNotified(
                "case-1", "problem-1", "PUMP", "CA of " + country, "ref-" + country, NOW, country, draft);
    }

    private static EffectivenessChecked passed() {
        return new EffectivenessChecked("case-1", EffectivenessOutcome.PASSED, "All updated", NOW);
    }

    private static FscaCaseClosed closed() {
        return new FscaCaseClosed("case-1", "problem-1", "PUMP", "Benign", APPROVAL, 3);
    }

    private static final FieldSafetyNotice.Instructions INSTRUCTIONS =
            new FieldSafetyNotice.Instructions(null, null, "vigilance@example.org");

    private static IssueFieldSafetyNotice issue(Signature signature) {
        return new IssueFieldSafetyNotice("case-1", INSTRUCTIONS, List.of("clinic-a", "clinic-b"), SRN, signature, NOW);
    }

    private static FieldSafetyNoticeIssued issued(int number, RegisteredProduct product) {
        FieldSafetyNotice notice = FieldSafetyNotice.compose(
                new FieldSafetyNotice.Facts(
                        "case-1",
                        "PUMP",
                        product,
                        SRN,
                        number,
                        List.of(incident("r1").finding()),
                        List.of(),
                        FscaAction.SOFTWARE_UPDATE,
                        "Overdose risk",
                        null,
                        false),
                INSTRUCTIONS,
                NOW);
        return new FieldSafetyNoticeIssued(
                "case-1", "problem-1", "PUMP", notice, List.of("clinic-a", "clinic-b"), AUTHORSHIP);
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

    private static IncidentAttached attached(String reportId) {
        return new IncidentAttached("case-1", incident(reportId));
    }

    private static Incident incident(String reportId) {
        return incident(reportId, AWARE, "Art. 87(3)", AWARE.plusSeconds(15 * 86400));
    }

    private static Incident incident(String reportId, Instant awareAt, String basis, Instant deadline) {
        return Incidents.overdose(
                reportId, awareAt, "4.2.1", List.of(ReportingClock.proposed("EU_MDR", basis, deadline)));
    }

    private static Incident followUp(String reportId, Instant awareAt, String basis, Instant deadline) {
        return Incidents.followUpOf(incident(reportId, awareAt, basis, deadline), "r1");
    }

    /** An incident in the US with its 30-day report (21 CFR 803.50). */
    private static Incident usIncident(String reportId) {
        return Incidents.overdose(
                reportId,
                AWARE,
                "4.2.1",
                List.of(ReportingClock.proposed("US_FDA", "21 CFR 803.50", AWARE.plusSeconds(30 * 86400))));
    }
}
