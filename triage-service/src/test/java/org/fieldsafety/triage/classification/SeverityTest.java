package org.fieldsafety.triage.classification;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.fieldsafety.contracts.FieldReportReceived.PatientOutcome;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ISO 14971 severity from the patient outcome when the hazard catalogue does not know the fault. */
class SeverityTest {

    @ParameterizedTest(name = "ISO 14971: outcome {0} on a class {1} item is severity {2}")
    @CsvSource(
            value = {
                "DEATH, A, 5",
                "SERIOUS_INJURY, A, 4",
                "NON_SERIOUS_INJURY, C, 3",
                "NO_HARM, C, 2",
                "NONE, C, 1",
                // unknown outcome: the worst harm the IEC 62304 class allows (unclassified = C = 5)
                "UNKNOWN, A, 2",
                "UNKNOWN, B, 3",
                "UNKNOWN, C, 5",
                "NULL, C, 5"
            },
            nullValues = "NULL")
    void severityFromOutcome(PatientOutcome outcome, SafetyClass safetyClass, int severity) {
        assertEquals(severity, Severity.fromOutcome(outcome, safetyClass));
    }
}
