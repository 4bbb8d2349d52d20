package org.fieldsafety.platform.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SoftwareVersionTest {

    @ParameterizedTest(name = "{0} vs {1}: {2}")
    @CsvSource({
        "4.2.2, 4.2.10, -1",
        "4.2.10, 4.2.2, 1",
        "5.0, 5.0, 0",
        "5.0, 5.0.0, -1",
        "' 5.0.1 ', 5.0.1, 0",
        "5.0-rc1, 5.0-rc2, -1",
        "v5, v4, 1"
    })
    void comparesPartByPartNumbersAsNumbers(String a, String b, int order) {
        assertEquals(order, Integer.signum(SoftwareVersion.compare(a, b)));
    }
}
