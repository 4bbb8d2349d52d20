package org.fieldsafety.triage.classification;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** IEC 62304 clause 4.3: software safety classes; unclassified software is class C. */
class SafetyClassTest {

    @ParameterizedTest(name = "IEC 62304 4.3: \"{0}\" is class {1}")
    @CsvSource(
            value = {"A, A", "b, B", "C, C", "' c ', C", "NULL, C", "'', C", "D, C", "unclassified, C"},
            nullValues = "NULL")
    void unknownOrUnclassifiedIsClassC(String value, SafetyClass expected) {
        assertEquals(expected, SafetyClass.of(value));
    }

    @ParameterizedTest(name = "IEC 62304 4.3: class {0} contributes at worst to severity {1}")
    @CsvSource({"A, 2", "B, 3", "C, 5"})
    void worstHarmOfAClass(SafetyClass safetyClass, int severity) {
        assertEquals(severity, safetyClass.worstSeverity());
    }
}
