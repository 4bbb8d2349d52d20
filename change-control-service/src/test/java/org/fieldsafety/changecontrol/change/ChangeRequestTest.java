package org.fieldsafety.changecontrol.change;

import static org.hamcrest.Matchers.containsString;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.fieldsafety.changecontrol.change.ChangeRequestCommand.AnalyseImpact;
import org.fieldsafety.changecontrol.change.ChangeRequestCommand.ApproveChange;
import org.fieldsafety.changecontrol.change.ChangeRequestCommand.CloseChangeRequest;
import org.fieldsafety.changecontrol.change.ChangeRequestCommand.CommunicateChange;
import org.fieldsafety.changecontrol.change.ChangeRequestCommand.ImplementChange;
import org.fieldsafety.changecontrol.change.ChangeRequestCommand.RaiseChangeRequest;
import org.fieldsafety.changecontrol.change.ChangeRequestCommand.ReleaseChange;
import org.fieldsafety.changecontrol.change.ChangeRequestCommand.VerifyChange;
import org.fieldsafety.changecontrol.change.ChangeRequestEvent.ChangeApproved;
import org.fieldsafety.changecontrol.change.ChangeRequestEvent.ChangeCommunicated;
import org.fieldsafety.changecontrol.change.ChangeRequestEvent.ChangeImplemented;
import org.fieldsafety.changecontrol.change.ChangeRequestEvent.ChangeReleased;
import org.fieldsafety.changecontrol.change.ChangeRequestEvent.ChangeRequestClosed;
import org.fieldsafety.changecontrol.change.ChangeRequestEvent.ChangeRequestRaised;
import org.fieldsafety.changecontrol.change.ChangeRequestEvent.ChangeVerified;
import org.fieldsafety.changecontrol.change.ChangeRequestEvent.ImpactAnalysed;
import org.fieldsafety.changecontrol.change.ChangeRequestEvent.ImpactAnalysisReopened;
import org.fieldsafety.changecontrol.change.Implementation.Reclassification;
import org.fieldsafety.platform.domain.DomainException;
import org.fieldsafety.platform.domain.InvalidInput;
import org.fieldsafety.platform.signature.Signature;
import org.fieldsafety.platform.signature.SignatureMeaning;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChangeRequestTest {

    private static final Instant NOW = Instant.parse("2026-11-21T08:00:00Z");

    private static final ImpactAnalysis ANALYSIS = analysis(SafetyClass.C);
    private static final Implementation IMPLEMENTATION =
            new Implementation("4.2.2", List.of("3f2c1a9"), "eng", NOW, List.of());
    private static final Reclassification TO_CLASS_C =
            new Reclassification("dose-calculator", SafetyClass.B, SafetyClass.C);
    private static final Verification VERIFICATION = verification("4.2.2", true, "dose-calculator");
    private static final Release RELEASE = new Release("4.2.2", List.of("UI lag on slow networks"), "qa", NOW);
    private static final Communication COMMUNICATION = new Communication(
            "Bolus overflow",
            "Over-infusion at doses above 999 units",
            "Firmware 4.2.2",
            "Over the air, or by service",
            List.of(
                    new Communication.Recipient(Communication.RecipientKind.USERS, "All hospitals"),
                    new Communication.Recipient(Communication.RecipientKind.REGULATOR, "BfArM")),
            NOW,
            "ra");
    private static final Closure CLOSURE = new Closure("Released and communicated", "qa", NOW);

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
                .expectException(DomainException.class)
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
                .expectException(DomainException.class)
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
    void aStepAnswersTheStatusItLedTo() {
        fixture.given(raised(), new ImpactAnalysed("cr-1", ANALYSIS))
                .when(new ApproveChange("cr-1", signature("qa", SignatureMeaning.APPROVAL)))
                .expectResultMessagePayload(ChangeRequestStatus.APPROVED);
    }

    @Test
    void anImplementationThatReclassifiesAnswersThatTheImpactIsAnalysedAgain() {
        fixture.given(raised(), new ImpactAnalysed("cr-1", ANALYSIS), approved())
                .when(new ImplementChange(
                        "cr-1", new Implementation("4.2.2", List.of("3f2c1a9"), "eng", NOW, List.of(TO_CLASS_C))))
                .expectResultMessagePayload(ChangeRequestStatus.IMPACT_ANALYSIS_REQUIRED);
    }

    @Test
    void approvingBeforeTheImpactAnalysisIsRejected() {
        fixture.given(raised())
                .when(new ApproveChange("cr-1", signature("qa", SignatureMeaning.APPROVAL)))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("IEC 62304 6.2.3"))
                .expectNoEvents();
    }

    @Test
    void theRequesterCannotApproveTheirOwnChange() {
        fixture.given(raised(), new ImpactAnalysed("cr-1", ANALYSIS))
                .when(new ApproveChange("cr-1", signature("ra", SignatureMeaning.APPROVAL)))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("IEC 62304 6.2.4 / 8.2.1"))
                .expectNoEvents();
    }

    @Test
    void anApprovalSignedWithAnotherMeaningIsRejected() {
        fixture.given(raised(), new ImpactAnalysed("cr-1", ANALYSIS))
                .when(new ApproveChange("cr-1", signature("qa", SignatureMeaning.REVIEW)))
                .expectException(DomainException.class)
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
                .expectException(DomainException.class)
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
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("IEC 62304 8.2.1"));
    }

    @Test
    void verifyingAnImplementedChangeRecordsItsTestRecords() {
        fixture.given(implemented())
                .when(new VerifyChange("cr-1", VERIFICATION))
                .expectEvents(new ChangeVerified("cr-1", VERIFICATION));
    }

    @Test
    void verifyingBeforeTheImplementationIsRejected() {
        fixture.given(raised(), new ImpactAnalysed("cr-1", ANALYSIS), approved())
                .when(new VerifyChange("cr-1", VERIFICATION))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("IEC 62304 8.2.3"))
                .expectNoEvents();
    }

    @Test
    void aClassCChangeWithoutRepeatedRegressionTestsIsNotVerified() {
        fixture.given(implemented())
                .when(new VerifyChange("cr-1", verification("4.2.2", false, "dose-calculator")))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("class C needs the invalidated verification repeated"))
                .expectNoEvents();
    }

    @Test
    void aClassBChangeNeedsARecordForEachAffectedItem() {
        fixture.given(
                        raised(),
                        new ImpactAnalysed("cr-1", analysis(SafetyClass.B)),
                        approved(),
                        new ChangeImplemented("cr-1", IMPLEMENTATION))
                .when(new VerifyChange("cr-1", verification("4.2.2", false, "display")))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("class B needs a test record for each affected item"))
                .expectNoEvents();
    }

    @Test
    void aClassAChangeIsVerifiedWithOneRecordOfAnyItem() {
        Verification verification = verification("4.2.2", false, "display");
        fixture.given(
                        raised(),
                        new ImpactAnalysed("cr-1", analysis(SafetyClass.A)),
                        approved(),
                        new ChangeImplemented("cr-1", IMPLEMENTATION))
                .when(new VerifyChange("cr-1", verification))
                .expectEvents(new ChangeVerified("cr-1", verification));
    }

    @Test
    void verifyingAnotherVersionThanTheImplementedOneIsRejected() {
        fixture.given(implemented())
                .when(new VerifyChange("cr-1", verification("4.2.1", true, "dose-calculator")))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("IEC 62304 8.2.3 / 9.8"))
                .expectNoEvents();
    }

    @Test
    void releasingAVerifiedChangeRecordsItsVersionAndResidualAnomalies() {
        fixture.given(verified())
                .when(new ReleaseChange("cr-1", RELEASE))
                .expectEvents(new ChangeReleased("cr-1", RELEASE));
    }

    @Test
    void releasingWithoutVerificationIsRejected() {
        fixture.given(implemented())
                .when(new ReleaseChange("cr-1", RELEASE))
                .expectException(DomainException.class)
                .expectExceptionMessage(
                        containsString("IEC 62304 8.2.3 / 6.3: no release without verification records"))
                .expectNoEvents();
    }

    @Test
    void releasingAnotherVersionThanTheVerifiedOneIsRejected() {
        fixture.given(verified())
                .when(new ReleaseChange("cr-1", new Release("4.3.0", List.of(), "qa", NOW)))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("IEC 62304 6.3"))
                .expectNoEvents();
    }

    @Test
    void communicatingAReleasedChangeRecordsWhatWasSentToWhom() {
        fixture.given(released())
                .when(new CommunicateChange("cr-1", COMMUNICATION))
                .expectEvents(new ChangeCommunicated("cr-1", COMMUNICATION));
    }

    @Test
    void aCommunicationDatedBeforeTheChangeRequestIsRejected() {
        Communication early = new Communication(
                COMMUNICATION.problem(),
                COMMUNICATION.riskOfContinuedUse(),
                COMMUNICATION.availableChange(),
                COMMUNICATION.installation(),
                COMMUNICATION.recipients(),
                NOW.minusSeconds(1),
                COMMUNICATION.recordedBy());
        fixture.given(released())
                .when(new CommunicateChange("cr-1", early))
                .expectException(InvalidInput.class)
                .expectExceptionMessage(containsString("not before"))
                .expectNoEvents();
    }

    @Test
    void communicatingBeforeTheReleaseIsRejected() {
        fixture.given(verified())
                .when(new CommunicateChange("cr-1", COMMUNICATION))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("IEC 62304 6.2.5"))
                .expectNoEvents();
    }

    @Test
    void closingAReleasedAndCommunicatedChangeRecordsIt() {
        fixture.given(communicated())
                .when(new CloseChangeRequest("cr-1", CLOSURE))
                .expectEvents(new ChangeRequestClosed("cr-1", CLOSURE));
    }

    @Test
    void closingBeforeTheCommunicationIsRejected() {
        fixture.given(released())
                .when(new CloseChangeRequest("cr-1", CLOSURE))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("IEC 62304 6.3 / 6.2.5"))
                .expectNoEvents();
    }

    @Test
    void closingAClosedChangeAgainIsRejected() {
        Object[] history = append(communicated(), new ChangeRequestClosed("cr-1", CLOSURE));
        fixture.given(history)
                .when(new CloseChangeRequest("cr-1", CLOSURE))
                .expectException(DomainException.class)
                .expectNoEvents();
    }

    @Test
    void anImplementationThatReclassifiesAnItemReopensTheImpactAnalysis() {
        Implementation reclassifying = new Implementation("4.2.2", List.of("3f2c1a9"), "eng", NOW, List.of(TO_CLASS_C));
        fixture.given(raised(), new ImpactAnalysed("cr-1", analysis(SafetyClass.B)), approved())
                .when(new ImplementChange("cr-1", reclassifying))
                .expectEvents(
                        new ChangeImplemented("cr-1", reclassifying),
                        new ImpactAnalysisReopened("cr-1", List.of(TO_CLASS_C)));
    }

    @Test
    void aReclassifiedChangeIsNotVerifiedBeforeItIsAnalysedAndApprovedAgain() {
        fixture.given(reclassified())
                .when(new VerifyChange("cr-1", VERIFICATION))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("IEC 62304 8.2.3"))
                .expectNoEvents();
    }

    @Test
    void aReclassifiedChangeNeedsANewApprovalBeforeItIsImplementedAgain() {
        Object[] history = append(reclassified(), new ImpactAnalysed("cr-1", ANALYSIS));
        fixture.given(history)
                .when(new ImplementChange("cr-1", IMPLEMENTATION))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("IEC 62304 8.2.1"))
                .expectNoEvents();
    }

    @Test
    void theNewImpactAnalysisMustGiveAReclassifiedItemItsNewClass() {
        fixture.given(reclassified())
                .when(new AnalyseImpact("cr-1", analysis(SafetyClass.B)))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("IEC 62304 8.2.2"))
                .expectNoEvents();
    }

    @Test
    void aReclassifiedChangeIsAnalysedAgainWithTheNewClass() {
        fixture.given(reclassified())
                .when(new AnalyseImpact("cr-1", ANALYSIS))
                .expectEvents(new ImpactAnalysed("cr-1", ANALYSIS));
    }

    private static Object[] reclassified() {
        return new Object[] {
            raised(),
            new ImpactAnalysed("cr-1", analysis(SafetyClass.B)),
            approved(),
            new ChangeImplemented("cr-1", new Implementation("4.2.2", List.of("a"), "eng", NOW, List.of(TO_CLASS_C))),
            new ImpactAnalysisReopened("cr-1", List.of(TO_CLASS_C))
        };
    }

    private static Object[] implemented() {
        return new Object[] {
            raised(), new ImpactAnalysed("cr-1", ANALYSIS), approved(), new ChangeImplemented("cr-1", IMPLEMENTATION)
        };
    }

    private static Object[] verified() {
        return append(implemented(), new ChangeVerified("cr-1", VERIFICATION));
    }

    private static Object[] released() {
        return append(verified(), new ChangeReleased("cr-1", RELEASE));
    }

    private static Object[] communicated() {
        return append(released(), new ChangeCommunicated("cr-1", COMMUNICATION));
    }

    private static Object[] append(Object[] history, Object event) {
        Object[] longer = Arrays.copyOf(history, history.length + 1);
        longer[history.length] = event;
        return longer;
    }

    private static ImpactAnalysis analysis(SafetyClass safetyClass) {
        return new ImpactAnalysis(
                "Clamp the bolus",
                List.of("dose-calculator"),
                List.of("bolus limits suite"),
                "eng",
                NOW,
                Map.of("dose-calculator", safetyClass));
    }

    static Verification verification(String version, boolean regressionTestsRepeated, String item) {
        return new Verification(
                List.of(new Verification.Record(
                        item,
                        "42 of 42 passed",
                        List.of(),
                        version,
                        "pump HW rev C, bench",
                        List.of("bolus-suite 3.1"),
                        LocalDate.parse("2026-11-20"),
                        "tess")),
                regressionTestsRepeated,
                "qa",
                NOW);
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
