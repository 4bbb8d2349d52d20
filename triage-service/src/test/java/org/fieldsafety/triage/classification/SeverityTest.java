package org.fieldsafety.triage.classification;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.fieldsafety.contracts.FieldReportReceived.PatientOutcome;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The one ISO 14971 severity scale: only death (5) and a serious injury or deterioration of health (4, MDR
 * Art. 2(65), 21 CFR 803.3) reach {@link Severity#SERIOUS}.
 */
class SeverityTest {

    @ParameterizedTest(name = "ISO 14971: catalogued {0}, outcome {1}, class {2} -> severity {3}")
    @CsvSource(
            value = {
                // a catalogued fault: the catalogue's severity, raised to the observed outcome when worse
                "1, SERIOUS_INJURY, A, 4",
                "5, NO_HARM, A, 5",
                "2, DEATH, C, 5",
                "3, UNKNOWN, C, 3",
                // an unknown fault: the observed outcome
                "NULL, DEATH, A, 5",
                "NULL, SERIOUS_INJURY, A, 4",
                "NULL, NON_SERIOUS_INJURY, C, 3",
                "NULL, NO_HARM, C, 1",
                "NULL, NONE, C, 1",
                // nothing observed: the worst harm the IEC 62304 class allows
                "NULL, UNKNOWN, A, 1",
                "NULL, UNKNOWN, B, 3",
                "NULL, UNKNOWN, C, 5",
                "NULL, NULL, C, 5"
            },
            nullValues = "NULL")
    void severityOfAReport(Integer catalogued, PatientOutcome outcome, SafetyClass safetyClass, int severity) {
        assertEquals(severity, Severity.of(catalogued, outcome, safetyClass));
    }

    @ParameterizedTest(name = "ISO 14971: {0} is {1}, serious {2}")
    @CsvSource({"1, negligible, false", "3, needs intervention, false", "4, critical, true", "5, catastrophic, true"})
    void namesAndSeriousness(int severity, String name, boolean serious) {
        assertEquals(name, Severity.name(severity));
        assertEquals(serious, severity >= Severity.SERIOUS);
    }
}
