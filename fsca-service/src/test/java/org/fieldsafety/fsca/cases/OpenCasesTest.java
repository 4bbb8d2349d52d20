package org.fieldsafety.fsca.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class OpenCasesTest {

    private final OpenCases open = new OpenCases(List.of(
            new OpenCases.Group("pump", CaseStatus.OPEN, 3, 10),
            new OpenCases.Group("pump", CaseStatus.DECIDED, 2, 20),
            new OpenCases.Group("monitor", CaseStatus.OPEN, 1, 4)));

    @Test
    void countsTheCasesOfAProductAndAStatusOrOfAny() {
        assertEquals(6, open.count(null, null));
        assertEquals(5, open.count("pump", null));
        assertEquals(4, open.count(null, CaseStatus.OPEN));
        assertEquals(2, open.count("pump", CaseStatus.DECIDED));
        assertEquals(0, open.count("monitor", CaseStatus.DECIDED));
    }

    @Test
    void namesEachProductOnceInAlphabeticalOrder() {
        assertEquals(List.of("monitor", "pump"), open.products());
    }

    @Test
    void itsVersionIsHowManyAndTheSumOfTheirVersions() {
        assertEquals("6-34", open.version());
        assertEquals("0-0", new OpenCases(List.of()).version());
    }
}
