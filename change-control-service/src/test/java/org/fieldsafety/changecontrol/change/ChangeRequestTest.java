package org.fieldsafety.changecontrol.change;

import static org.hamcrest.Matchers.containsString;

import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.fieldsafety.changecontrol.change.ChangeRequestCommand.AnalyseImpact;
import org.fieldsafety.changecontrol.change.ChangeRequestCommand.ApproveChange;
import org.fieldsafety.changecontrol.change.ChangeRequestCommand.ImplementChange;
import org.fieldsafety.changecontrol.change.ChangeRequestCommand.RaiseChangeRequest;
import org.fieldsafety.changecontrol.change.ChangeRequestEvent.ChangeApproved;
import org.fieldsafety.changecontrol.change.ChangeRequestEvent.ChangeImplemented;
import org.fieldsafety.changecontrol.change.ChangeRequestEvent.ChangeRequestRaised;
import org.fieldsafety.changecontrol.change.ChangeRequestEvent.ImpactAnalysed;
import org.fieldsafety.platform.ProblemException;
import org.fieldsafety.platform.signature.Signature;
import org.fieldsafety.platform.signature.SignatureMeaning;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChangeRequestTest {

    private static final Instant NOW = Instant.parse("2026-11-21T08:00:00Z");

    private static final ImpactAnalysis ANALYSIS = new ImpactAnalysis(
            "Clamp the bolus", List.of("dose-calculator"), List.of("bolus limits suite"), "eng", NOW);
    private static final Implementation IMPLEMENTATION = new Implementation("4.2.2", List.of("3f2c1a9"), "eng", NOW);

    private AggregateTestFixture<ChangeRequest> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ChangeRequest.class);
    }

    @Test
    void raisingAChangeRequestRecordsItsReasonAndOrigin() {
        fixture.givenNoPriorActivity().when(raise()).expectEvents(raised());
    }

    @Test
    void raisingAnExistingChangeRequestAgainChangesNothing() {
        fixture.given(raised()).when(raise()).expectNoEvents();
    }

    @Test
    void aChangeRequestWithoutProductIsRejected() {
        RaiseChangeRequest raise = raise();
        fixture.givenNoPriorActivity()
                .when(new RaiseChangeRequest(
                        raise.changeRequestId(),
                        raise.title(),
                        raise.reason(),
                        null,
                        raise.softwareItems(),
                        null,
                        null,
                        null,
                        raise.requestedBy(),
                        NOW))
                .expectException(ProblemException.class)
                .expectNoEvents();
    }

    @Test
    void analysingTheImpactOfARaisedChangeRecordsIt() {
        fixture.given(raised())
                .when(new AnalyseImpact("cr-1", ANALYSIS))
                .expectEvents(new ImpactAnalysed("cr-1", ANALYSIS));
    }

    @Test
    void analysingTheImpactTwiceIsRejected() {
        fixture.given(raised(), new ImpactAnalysed("cr-1", ANALYSIS))
                .when(new AnalyseImpact("cr-1", ANALYSIS))
                .expectException(ProblemException.class)
                .expectExceptionMessage(containsString("IEC 62304 6.2.3"))
                .expectNoEvents();
    }

    @Test
    void approvingAnAnalysedChangeRecordsTheSignatureBoundToItsVersion() {
        fixture.given(raised(), new ImpactAnalysed("cr-1", ANALYSIS))
                .when(new ApproveChange("cr-1", signature("qa", SignatureMeaning.APPROVAL)))
                .expectEvents(new ChangeApproved("cr-1", signature("qa", SignatureMeaning.APPROVAL), 1));
    }

    @Test
    void approvingBeforeTheImpactAnalysisIsRejected() {
        fixture.given(raised())
                .when(new ApproveChange("cr-1", signature("qa", SignatureMeaning.APPROVAL)))
                .expectException(ProblemException.class)
                .expectExceptionMessage(containsString("IEC 62304 6.2.3"))
                .expectNoEvents();
    }

    @Test
    void theRequesterCannotApproveTheirOwnChange() {
        fixture.given(raised(), new ImpactAnalysed("cr-1", ANALYSIS))
                .when(new ApproveChange("cr-1", signature("ra", SignatureMeaning.APPROVAL)))
                .expectException(ProblemException.class)
                .expectExceptionMessage(containsString("IEC 62304 6.2.4 / 8.2.1"))
                .expectNoEvents();
    }

    @Test
    void anApprovalSignedWithAnotherMeaningIsRejected() {
        fixture.given(raised(), new ImpactAnalysed("cr-1", ANALYSIS))
                .when(new ApproveChange("cr-1", signature("qa", SignatureMeaning.REVIEW)))
                .expectException(ProblemException.class)
                .expectExceptionMessage(containsString("21 CFR 11.50"))
                .expectNoEvents();
    }

    @Test
    void implementingAnApprovedChangeRecordsTheVersion() {
        fixture.given(raised(), new ImpactAnalysed("cr-1", ANALYSIS), approved())
                .when(new ImplementChange("cr-1", IMPLEMENTATION))
                .expectEvents(new ChangeImplemented("cr-1", IMPLEMENTATION));
    }

    @Test
    void implementingAnUnapprovedChangeIsRejected() {
        fixture.given(raised(), new ImpactAnalysed("cr-1", ANALYSIS))
                .when(new ImplementChange("cr-1", IMPLEMENTATION))
                .expectException(ProblemException.class)
                .expectExceptionMessage(containsString("IEC 62304 8.2.1"))
                .expectNoEvents();
    }

    @Test
    void implementingAnImplementedChangeAgainIsRejected() {
        fixture.given(
                        raised(),
                        new ImpactAnalysed("cr-1", ANALYSIS),
                        approved(),
                        new ChangeImplemented("cr-1", IMPLEMENTATION))
                .when(new ImplementChange("cr-1", IMPLEMENTATION))
                .expectException(ProblemException.class)
                .expectExceptionMessage(containsString("IEC 62304 8.2.1"));
    }

    private static ChangeApproved approved() {
        return new ChangeApproved("cr-1", signature("qa", SignatureMeaning.APPROVAL), 1);
    }

    private static Signature signature(String signer, SignatureMeaning meaning) {
        return new Signature(signer, signer, meaning, NOW);
    }

    private static RaiseChangeRequest raise() {
        return new RaiseChangeRequest(
                "cr-1",
                "FSCA case-1: SOFTWARE_UPDATE",
                "Overdose risk",
                "PUMP",
                List.of("dose-calculator"),
                null,
                "problem-1",
                "case-1",
                "ra",
                NOW);
    }

    private static ChangeRequestRaised raised() {
        return new ChangeRequestRaised(
                "cr-1",
                "FSCA case-1: SOFTWARE_UPDATE",
                "Overdose risk",
                "PUMP",
                List.of("dose-calculator"),
                null,
                "problem-1",
                "case-1",
                "ra",
                NOW);
    }
}
