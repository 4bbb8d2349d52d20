package org.fieldsafety.triage.classification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ISO 14971 risk evaluation with the default acceptability matrix (policy version 1). */
class RiskMatrixTest {

    @ParameterizedTest(name = "ISO 14971: severity {0} x probability {1} is {2}")
    @CsvSource(
            value = {
                "1, 1, ACCEPTABLE",
                "1, 5, REVIEW",
                "2, 3, ACCEPTABLE",
                "2, 4, REVIEW",
                "3, 3, REVIEW",
                "3, 5, UNACCEPTABLE",
                "4, 1, ACCEPTABLE",
                "4, 2, REVIEW",
                "4, 4, UNACCEPTABLE",
                "5, 1, REVIEW",
                "5, 3, UNACCEPTABLE",
                "5, 5, UNACCEPTABLE",
                // IEC/TR 80002-1: probability unknown -> worst case 5
                "2, NULL, REVIEW",
                "3, NULL, UNACCEPTABLE",
                "1, NULL, REVIEW"
            },
            nullValues = "NULL")
    void defaultMatrix(int severity, Integer probability, RiskRegion expected) {
        assertEquals(expected, RiskMatrix.DEFAULT.evaluate(severity, probability));
    }

    @Test
    void theDefaultPolicyIsVersionOne() {
        assertEquals(1, RiskMatrix.DEFAULT.version());
    }

    @Test
    void aPolicyChangeCarriesItsVersionAndRegions() {
        RiskMatrix strict = new RiskMatrix(2, Collections.nCopies(5, Collections.nCopies(5, RiskRegion.UNACCEPTABLE)));
        assertEquals(2, strict.version());
        assertEquals(RiskRegion.UNACCEPTABLE, strict.evaluate(1, 1));
    }

    @Test
    void aMatrixMustBeFiveByFive() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new RiskMatrix(2, Collections.nCopies(4, Collections.nCopies(5, RiskRegion.REVIEW))));
        assertThrows(IllegalArgumentException.class, () -> new RiskMatrix(0, RiskMatrix.DEFAULT.regions()));
        assertThrows(IllegalArgumentException.class, () -> RiskMatrix.DEFAULT.evaluate(6, 1));
        assertThrows(IllegalArgumentException.class, () -> new RiskMatrix(2, List.of()));
    }
}
