package org.fieldsafety.fsca.vigilance;

import static org.hamcrest.Matchers.containsString;

import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.fieldsafety.fsca.vigilance.VigilanceReportCommand.AcknowledgeReport;
import org.fieldsafety.fsca.vigilance.VigilanceReportCommand.CompleteDraft;
import org.fieldsafety.fsca.vigilance.VigilanceReportCommand.GenerateDraft;
import org.fieldsafety.fsca.vigilance.VigilanceReportCommand.ListInPeriodicSummary;
import org.fieldsafety.fsca.vigilance.VigilanceReportCommand.SubmitReport;
import org.fieldsafety.fsca.vigilance.VigilanceReportCommand.WithdrawDraft;
import org.fieldsafety.fsca.vigilance.VigilanceReportEvent.DraftCompleted;
import org.fieldsafety.fsca.vigilance.VigilanceReportEvent.DraftGenerated;
import org.fieldsafety.fsca.vigilance.VigilanceReportEvent.DraftWithdrawn;
import org.fieldsafety.fsca.vigilance.VigilanceReportEvent.IncidentListed;
import org.fieldsafety.fsca.vigilance.VigilanceReportEvent.VigilanceReportAcknowledged;
import org.fieldsafety.fsca.vigilance.VigilanceReportEvent.VigilanceReportRejected;
import org.fieldsafety.fsca.vigilance.VigilanceReportEvent.VigilanceReportSubmitted;
import org.fieldsafety.platform.domain.ConcurrentChange;
import org.fieldsafety.platform.domain.DomainException;
import org.fieldsafety.platform.signature.Signature;
import org.fieldsafety.platform.signature.SignatureMeaning;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The report's lifecycle: drafted, withdrawn, completed, submitted once, acknowledged or rejected and resubmitted. */
class VigilanceReportTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final Instant DUE = Instant.parse("2026-12-05T10:00:00Z");
    private static final ReportingDuty DUTY =
            new ReportingDuty("case-1", "r1", Regime.EU_MDR, VigilanceReportKind.INITIAL, "Art. 87(3)", DUE, 0);
    private static final String ID = DUTY.reportId();
    private static final Signature APPROVAL = new Signature("ra", "Rita Affairs", SignatureMeaning.APPROVAL, NOW);
    private static final VigilanceReportDocument DOCUMENT = Reports.incidentReport(
            Regime.EU_MDR, VigilanceReportKind.INITIAL, "BfArM (DE)", "Art. 87(3)", Reports.investigationUnderWay());

    private AggregateTestFixture<VigilanceReport> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(VigilanceReport.class);
    }

    @Test
    void aDutyIsDraftedOnceAndAgainWhenItChanges() {
        fixture.givenNoPriorActivity()
                .when(new GenerateDraft(ID, DUTY, NOW))
                .expectEvents(new DraftGenerated(ID, DUTY, NOW));
        fixture.given(drafted()).when(new GenerateDraft(ID, DUTY, NOW)).expectNoEvents();
        ReportingDuty sooner = new ReportingDuty(
                "case-1", "r1", Regime.EU_MDR, VigilanceReportKind.INITIAL, "Art. 87(4)", NOW.plusSeconds(3600), 0);
        fixture.given(drafted())
                .when(new GenerateDraft(ID, sooner, NOW))
                .expectEvents(new DraftGenerated(ID, sooner, NOW));
    }

    @Test
    void aDraftIsWithdrawnKeptAndDraftedAgainWhenItsClockRunsAgain() {
        DraftWithdrawn withdrawn = new DraftWithdrawn(ID, DUTY, "signed not reportable", NOW);
        fixture.given(drafted())
                .when(new WithdrawDraft(ID, "signed not reportable", NOW))
                .expectEvents(withdrawn);
        fixture.given(drafted(), withdrawn)
                .when(new WithdrawDraft(ID, "again", NOW))
                .expectNoEvents();
        fixture.given(drafted(), withdrawn)
                .when(new GenerateDraft(ID, DUTY, NOW))
                .expectEvents(new DraftGenerated(ID, DUTY, NOW));
        fixture.given(drafted(), submitted(NOW))
                .when(new WithdrawDraft(ID, "x", NOW))
                .expectNoEvents();
    }

    /**
     * MDR Art. 87(9): the first incident drafts the periodic summary, each later one is listed once, and
     * none is listed once the summary went.
     */
    @Test
    void aPeriodicSummaryIsDraftedByItsFirstIncidentAndListsEachOnceWhileADraft() {
        ReportingDuty duty = new ReportingDuty(
                "case-1", null, Regime.EU_MDR, VigilanceReportKind.PERIODIC_SUMMARY, "Art. 87(9)", DUE, 0);
        SummaryPeriod period = new SummaryPeriod(
                "agreement-1",
                "BfArM (DE)",
                "PSR-1",
                1,
                java.time.LocalDate.parse("2026-11-01"),
                java.time.LocalDate.parse("2026-11-30"),
                java.time.LocalDate.parse("2026-12-15"),
                List.of(Reports.DOSE_CALCULATION_ERROR));
        SummaryPeriod.Listed first = new SummaryPeriod.Listed("case-1", "r1");
        SummaryPeriod.Listed second = new SummaryPeriod.Listed("case-1", "r2");
        DraftGenerated drafted = new DraftGenerated("psr", duty, NOW);
        IncidentListed listed = new IncidentListed("psr", period, first, NOW);
        fixture.givenNoPriorActivity()
                .when(new ListInPeriodicSummary("psr", duty, period, first, NOW))
                .expectEvents(drafted, listed);
        fixture.given(drafted, listed)
                .when(new ListInPeriodicSummary("psr", duty, period, first, NOW))
                .expectNoEvents();
        fixture.given(drafted, listed)
                .when(new ListInPeriodicSummary("psr", duty, period, second, NOW))
                .expectEvents(new IncidentListed("psr", period, second, NOW));
        VigilanceReportSubmitted went =
                new VigilanceReportSubmitted("psr", duty, "PSR-R1", NOW, false, null, "psr.xml", "sha", APPROVAL, 2);
        fixture.given(drafted, listed, went)
                .when(new ListInPeriodicSummary("psr", duty, period, second, NOW))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("reported on its own"));
        fixture.given(drafted, listed, went)
                .when(new ListInPeriodicSummary("psr", duty, period, first, NOW))
                .expectNoEvents();
    }

    @Test
    void onlyADraftIsCompleted() {
        DraftContent content = new DraftContent(
                "Narrative", List.of(Reports.DOSE_CALCULATION_ERROR), List.of(), List.of(Reports.OVERDOSE), null);
        fixture.given(drafted())
                .when(new CompleteDraft(ID, content, NOW))
                .expectEvents(new DraftCompleted(ID, content, NOW));
        fixture.given(drafted(), submitted(NOW))
                .when(new CompleteDraft(ID, content, NOW))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("follow-up report"));
    }

    /** MDR Art. 87(6), 21 CFR 803.56: a submitted report is frozen; a correction is a follow-up report. */
    @Test
    void aReportIsSubmittedOnce() {
        fixture.given(drafted()).when(submit(0, NOW)).expectEvents(submitted(NOW));
        fixture.given(drafted(), submitted(NOW))
                .when(submit(1, NOW))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("report is submitted"));
    }

    /** MDR Art. 87(3): a report after its deadline is late, and recorded so. */
    @Test
    void aReportSubmittedAfterItsDueTimeIsLate() {
        Instant late = DUE.plusSeconds(60);
        fixture.given(drafted())
                .when(new SubmitReport(ID, 0, "MIR-1", late, DOCUMENT, "f.xml", "abc", APPROVAL, late))
                .expectEvents(new VigilanceReportSubmitted(
                        ID, DUTY, "MIR-1", late, true, DOCUMENT, "f.xml", "abc", APPROVAL, 0));
    }

    @Test
    void aSubmissionIsApprovedNotInTheFutureAndOfTheDraftAsItStands() {
        Signature review = new Signature("ra", "Rita Affairs", SignatureMeaning.REVIEW, NOW);
        fixture.given(drafted())
                .when(new SubmitReport(ID, 0, "MIR-1", NOW, DOCUMENT, "f.xml", "abc", review, NOW))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("APPROVAL"));
        fixture.given(drafted())
                .when(new SubmitReport(ID, 0, "MIR-1", NOW.plusSeconds(60), DOCUMENT, "f.xml", "abc", APPROVAL, NOW))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("not later than now"));
        fixture.given(drafted(), new DraftCompleted(ID, DraftContent.EMPTY, NOW))
                .when(submit(0, NOW))
                .expectException(ConcurrentChange.class);
    }

    @Test
    void theAuthorityAcceptsASubmittedReportOnce() {
        VigilanceReportAcknowledged accepted = new VigilanceReportAcknowledged(ID, DUTY, "DE-2026-1", NOW);
        fixture.given(drafted(), submitted(NOW))
                .when(new AcknowledgeReport(ID, true, "DE-2026-1", null, NOW))
                .expectEvents(accepted);
        fixture.given(drafted(), submitted(NOW), accepted)
                .when(new AcknowledgeReport(ID, true, "DE-2026-1", null, NOW))
                .expectNoEvents();
        fixture.given(drafted(), submitted(NOW), accepted)
                .when(new AcknowledgeReport(ID, false, null, "late error", NOW))
                .expectException(DomainException.class);
        fixture.given(drafted())
                .when(new AcknowledgeReport(ID, true, "DE-2026-1", null, NOW))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("only a submitted report"));
        fixture.given(drafted(), submitted(NOW))
                .when(new AcknowledgeReport(ID, true, " ", null, NOW))
                .expectException(DomainException.class);
        fixture.given(drafted(), submitted(NOW))
                .when(new AcknowledgeReport(ID, false, null, null, NOW))
                .expectException(DomainException.class);
    }

    /** A rejected report is drafted again once its clock runs again, and resubmitted. */
    @Test
    void aRejectedReportIsDraftedAgainAndResubmitted() {
        VigilanceReportRejected rejected = new VigilanceReportRejected(ID, DUTY, "ACK3: invalid UDI", NOW);
        fixture.given(drafted(), submitted(NOW))
                .when(new AcknowledgeReport(ID, false, null, "ACK3: invalid UDI", NOW))
                .expectEvents(rejected);
        fixture.given(drafted(), submitted(NOW), rejected)
                .when(submit(2, NOW))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("REJECTED"));
        fixture.given(drafted(), submitted(NOW), rejected)
                .when(new GenerateDraft(ID, DUTY, NOW))
                .expectEvents(new DraftGenerated(ID, DUTY, NOW));
        Instant again = NOW.plusSeconds(600);
        fixture.given(drafted(), submitted(NOW), rejected, new DraftGenerated(ID, DUTY, NOW))
                .when(new SubmitReport(ID, 3, "MIR-2", again, DOCUMENT, "f.xml", "abc", APPROVAL, again))
                .expectEvents(new VigilanceReportSubmitted(
                        ID, DUTY, "MIR-2", again, false, DOCUMENT, "f.xml", "abc", APPROVAL, 3));
    }

    private static DraftGenerated drafted() {
        return new DraftGenerated(ID, DUTY, NOW);
    }

    private static SubmitReport submit(long version, Instant at) {
        return new SubmitReport(ID, version, "MIR-1", at, DOCUMENT, "f.xml", "abc", APPROVAL, at);
    }

    private static VigilanceReportSubmitted submitted(Instant at) {
        return new VigilanceReportSubmitted(ID, DUTY, "MIR-1", at, false, DOCUMENT, "f.xml", "abc", APPROVAL, 0);
    }
}
