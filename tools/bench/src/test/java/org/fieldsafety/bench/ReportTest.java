package org.fieldsafety.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReportTest {

    @Test
    void theMedianOfAnOddCountIsTheMiddleValue() {
        assertEquals(5.0, Report.median(List.of(9.0, 1.0, 5.0)));
    }

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertEquals(4.0, Report.median(List.of(9.0, 1.0, 3.0, 5.0)));
    }
}
