package org.fieldsafety.triage.classification;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.fieldsafety.contracts.FieldReportReceived.PatientOutcome;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** EU MDR Art. 2(65) serious incident, and FSCA candidacy (Art. 89). */
class SeriousIncidentTest {

    @ParameterizedTest(name = "MDR Art. 2(65): outcome {0}, severity {1}, public health threat {2} -> serious {3}")
    @CsvSource({
        "DEATH, 1, false, true",
        "SERIOUS_INJURY, 1, false, true",
        "NON_SERIOUS_INJURY, 3, false, false",
        "NO_HARM, 4, false, true", // might have led to serious deterioration
        "NO_HARM, 3, false, false",
        "UNKNOWN, 5, false, true",
        "NONE, 1, true, true"
    })
    void seriousIncident(PatientOutcome outcome, int severity, boolean publicHealthThreat, boolean serious) {
        assertEquals(serious, SeriousIncident.isSerious(outcome, severity, publicHealthThreat));
    }

    @ParameterizedTest(name = "MDR Art. 89: region {0}, serious {1} -> FSCA candidate {2}")
    @CsvSource({
        "UNACCEPTABLE, false, true",
        "REVIEW, true, true",
        "ACCEPTABLE, true, true",
        "REVIEW, false, false",
        "ACCEPTABLE, false, false"
    })
    void fscaCandidate(RiskRegion region, boolean serious, boolean candidate) {
        assertEquals(candidate, SeriousIncident.isFscaCandidate(region, serious));
    }
}
