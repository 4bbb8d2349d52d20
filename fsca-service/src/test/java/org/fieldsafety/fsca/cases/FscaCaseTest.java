package org.fieldsafety.fsca.cases;

import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.fieldsafety.fsca.cases.FscaCaseCommand.DecideFsca;
import org.fieldsafety.fsca.cases.FscaCaseCommand.RecordIncident;
import org.fieldsafety.fsca.cases.FscaCaseEvent.FscaCaseOpened;
import org.fieldsafety.fsca.cases.FscaCaseEvent.FscaDecided;
import org.fieldsafety.fsca.cases.FscaCaseEvent.IncidentAttached;
import org.fieldsafety.platform.ProblemException;
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
                .when(new RecordIncident("case-1", "problem-1", "PUMP", incident("r1"), NOW))
                .expectEvents(
                        new FscaCaseOpened("case-1", "problem-1", "PUMP", NOW),
                        new IncidentAttached("case-1", incident("r1")));
    }

    @Test
    void aLaterIncidentAttachesToTheOpenCase() {
        fixture.given(opened(), new IncidentAttached("case-1", incident("r1")))
                .when(new RecordIncident("case-1", "problem-1", "PUMP", incident("r2"), NOW))
                .expectEvents(new IncidentAttached("case-1", incident("r2")));
    }

    @Test
    void aRedeliveredIncidentChangesNothing() {
        fixture.given(opened(), new IncidentAttached("case-1", incident("r1")))
                .when(new RecordIncident("case-1", "problem-1", "PUMP", incident("r1"), NOW))
                .expectNoEvents();
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
                .expectException(ProblemException.class)
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
                .expectException(ProblemException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("MDR Art. 89"));
    }

    private static FscaCaseOpened opened() {
        return new FscaCaseOpened("case-1", "problem-1", "PUMP", NOW);
    }

    private static Incident incident(String reportId) {
        return new Incident(
                reportId,
                AWARE,
                "dose-calculator",
                "4.2.1",
                "E-DOSE-CALC-OVERFLOW",
                "DE",
                "C",
                "Over-infusion",
                5,
                3,
                "UNACCEPTABLE",
                true,
                List.of(new Incident.ReportingClock("EU_MDR", "Art. 87(3)", AWARE.plusSeconds(15 * 86400))));
    }
}
