package org.fieldsafety.fsca.vigilance.periodic;

import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.fieldsafety.fsca.vigilance.Regime;
import org.fieldsafety.fsca.vigilance.periodic.AgreementCommand.EndAgreement;
import org.fieldsafety.fsca.vigilance.periodic.AgreementCommand.RecordAgreement;
import org.fieldsafety.fsca.vigilance.periodic.AgreementEvent.AgreementEnded;
import org.fieldsafety.fsca.vigilance.periodic.AgreementEvent.AgreementRecorded;
import org.fieldsafety.platform.domain.InvalidInput;
import org.fieldsafety.platform.domain.RuleViolation;
import org.fieldsafety.platform.signature.Signature;
import org.fieldsafety.platform.signature.SignatureMeaning;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An agreement is recorded approved, for the EU MDR, with a real frequency, and ended once. */
class PeriodicSummaryAgreementTest {

    private static final Instant NOW = Instant.parse("2026-01-05T10:00:00Z");
    private static final String ID = "agreement-1";
    private static final AgreementTerms TERMS = PeriodicSummaryRuleTest.QUARTERLY;
    private static final Signature APPROVAL = new Signature("ra", "Rita Affairs", SignatureMeaning.APPROVAL, NOW);
    private static final Signature REVIEW = new Signature("ra", "Rita Affairs", SignatureMeaning.REVIEW, NOW);

    private AggregateTestFixture<PeriodicSummaryAgreement> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PeriodicSummaryAgreement.class);
    }

    @Test
    void anAgreementIsRecordedApproved() {
        fixture.givenNoPriorActivity()
                .when(new RecordAgreement(ID, TERMS, APPROVAL, NOW))
                .expectEvents(new AgreementRecorded(ID, TERMS, APPROVAL));
        fixture.givenNoPriorActivity()
                .when(new RecordAgreement(ID, TERMS, REVIEW, NOW))
                .expectException(InvalidInput.class);
        fixture.givenNoPriorActivity()
                .when(new RecordAgreement(ID, TERMS, null, NOW))
                .expectException(InvalidInput.class);
    }

    @Test
    void anAgreementIsForTheEuMdrWithAFrequencyAndNotReachedInTheFuture() {
        fixture.givenNoPriorActivity()
                .when(new RecordAgreement(ID, with(Regime.US_FDA, "P1M", TERMS.agreedAt()), APPROVAL, NOW))
                .expectException(InvalidInput.class);
        fixture.givenNoPriorActivity()
                .when(new RecordAgreement(ID, with(Regime.EU_MDR, "monthly", TERMS.agreedAt()), APPROVAL, NOW))
                .expectException(InvalidInput.class);
        fixture.givenNoPriorActivity()
                .when(new RecordAgreement(ID, with(Regime.EU_MDR, "P1M", NOW.plusSeconds(1)), APPROVAL, NOW))
                .expectException(InvalidInput.class);
    }

    @Test
    void anAgreementEndsOnceApprovedNeitherBeforeItWasReachedNorInTheFuture() {
        AgreementRecorded recorded = new AgreementRecorded(ID, TERMS, APPROVAL);
        AgreementEnded ended = new AgreementEnded(ID, NOW, "root cause corrected", APPROVAL);
        fixture.given(recorded)
                .when(new EndAgreement(ID, NOW, "root cause corrected", APPROVAL, NOW))
                .expectEvents(ended);
        fixture.given(recorded, ended)
                .when(new EndAgreement(ID, NOW, "again", APPROVAL, NOW))
                .expectException(RuleViolation.class);
        fixture.given(recorded)
                .when(new EndAgreement(ID, NOW, "x", REVIEW, NOW))
                .expectException(InvalidInput.class);
        fixture.given(recorded)
                .when(new EndAgreement(ID, NOW.plusSeconds(1), "x", APPROVAL, NOW))
                .expectException(InvalidInput.class);
        fixture.given(recorded)
                .when(new EndAgreement(ID, TERMS.agreedAt().minusSeconds(1), "x", APPROVAL, NOW))
                .expectException(InvalidInput.class);
    }

    private static AgreementTerms with(Regime regime, String frequency, Instant agreedAt) {
        return new AgreementTerms(
                regime,
                TERMS.productId(),
                TERMS.problemId(),
                TERMS.deviceProblems(),
                frequency,
                TERMS.firstPeriodStart(),
                TERMS.competentAuthority(),
                TERMS.authorityReference(),
                agreedAt);
    }
}
