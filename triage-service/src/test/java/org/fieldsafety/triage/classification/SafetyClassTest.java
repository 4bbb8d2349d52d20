package org.fieldsafety.triage.classification;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
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
    @CsvSource({"A, 1", "B, 3", "C, 5"})
    void worstHarmOfAClass(SafetyClass safetyClass, int severity) {
        assertEquals(severity, safetyClass.worstSeverity());
    }

    @ParameterizedTest(name = "IEC 62304 4.3: the worst of [{0}] is {1}")
    @CsvSource({"A B, B", "B C A, C", "A, A", "'', C"})
    void worstOfSeveralClasses(String classes, SafetyClass worst) {
        List<SafetyClass> list = classes.isBlank()
                ? List.of()
                : Arrays.stream(classes.split(" ")).map(SafetyClass::valueOf).toList();
        assertEquals(worst, SafetyClass.worst(list));
    }
}
