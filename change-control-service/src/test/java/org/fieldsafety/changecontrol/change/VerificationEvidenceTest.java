package org.fieldsafety.changecontrol.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fieldsafety.platform.domain.RuleViolation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** IEC 62304 8.2.3 / 9.8: the evidence each safety class demands before release. */
class VerificationEvidenceTest {

    @ParameterizedTest(name = "class {0}, records for [{1}], regression repeated {2} -> {3}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            A | ''          | false | at least one test record
            A | other       | false | ok
            B | other       | true  | class B needs a test record for each affected item; none for pump
            B | pump        | false | ok
            C | pump        | false | class C needs the invalidated verification repeated
            C | other       | true  | class C needs a test record for each affected item; none for pump
            C | pump        | true  | ok
            """)
    void theEvidenceAChangeNeedsFollowsTheSafetyClassOfItsItems(
            SafetyClass safetyClass, String recordedItem, boolean regressionTestsRepeated, String expected) {
        Instant now = Instant.parse("2026-11-21T08:00:00Z");
        ImpactAnalysis analysis =
                new ImpactAnalysis("s", List.of("pump"), List.of(), "eng", now, Map.of("pump", safetyClass));
        List<Verification.Record> records = recordedItem.isEmpty()
                ? List.of()
                : List.of(new Verification.Record(
                        recordedItem, "pass", List.of(), "1.0", "bench", List.of("t"), LocalDate.EPOCH, "tess"));
        Optional<String> shortfall = VerificationEvidence.shortfall(
                        analysis, new Verification(records, regressionTestsRepeated, "qa", now))
                .map(RuleViolation::getMessage);
        String actual = shortfall.orElse("ok");
        assertTrue(actual.contains(expected), actual);
    }

    @ParameterizedTest
    @CsvSource({"A, A", "B, B", "C, C"})
    void anItemTheAnalysisDidNotClassifyIsClassC(SafetyClass given, SafetyClass expected) {
        ImpactAnalysis analysis =
                new ImpactAnalysis("s", List.of("pump", "ui"), List.of(), "eng", Instant.EPOCH, Map.of("pump", given));
        assertEquals(expected, analysis.classOf("pump"));
        assertEquals(SafetyClass.C, analysis.classOf("ui"));
    }
}
