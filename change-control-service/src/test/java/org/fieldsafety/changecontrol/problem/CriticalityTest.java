package org.fieldsafety.changecontrol.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** IEC 62304 9.1: the criticality of a problem triage detected, from its ISO 14971 estimate. */
class CriticalityTest {

    @ParameterizedTest(name = "severity {0}, region {1} -> {2}")
    @CsvSource({
        "5, ACCEPTABLE, HIGH",
        "4, REVIEW, HIGH",
        "2, UNACCEPTABLE, HIGH",
        "3, ACCEPTABLE, MEDIUM",
        "1, REVIEW, MEDIUM",
        "2, ACCEPTABLE, LOW",
        "1, ACCEPTABLE, LOW"
    })
    void theCriticalityFollowsSeverityAndRiskRegion(int severity, String region, Criticality.Level expected) {
        assertEquals(
                expected,
                Criticality.fromRisk(severity, region, "over-infusion", "C").level());
    }
}
