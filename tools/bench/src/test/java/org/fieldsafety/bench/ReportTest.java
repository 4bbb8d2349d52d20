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

    private static final String ROW = "| 2026-12-04 10:00 UTC | `abc1234` | 0.30 | 0.60 | 5,000 | 6,000 |";
    private static final String OLDER = "| 2026-12-02 03:37 UTC | `db58117` | 0.28 | 0.59 | 5,898 | 6,038 |";

    @Test
    void aFirstReportStartsItsHistoryWithItsOwnRun() {
        assertEquals(
                Report.HISTORY + "\n\n" + Report.HISTORY_TABLE + ROW + "\n", Report.history("# Benchmarks\n", ROW));
    }

    @Test
    void aNewRunGoesOnTopOfTheHistoryAndEverythingElseInItStays() {
        String previous = "# Benchmarks\n\n## 1. Figures\n\n" + Report.HISTORY + "\n\nBefore the tool wrote it:\n\n"
                + Report.HISTORY_TABLE + OLDER + "\n\nA note.\n";
        assertEquals(
                Report.HISTORY + "\n\nBefore the tool wrote it:\n\n" + Report.HISTORY_TABLE + ROW + "\n" + OLDER
                        + "\n\nA note.\n",
                Report.history(previous, ROW));
    }

    @Test
    void theSameRunWrittenAgainIsNotAddedTwice() {
        String previous = "# Benchmarks\n\n" + Report.HISTORY + "\n\n" + Report.HISTORY_TABLE + ROW + "\n";
        String again = ROW.replace("10:00", "10:05");
        assertEquals(previous.substring(previous.indexOf(Report.HISTORY)), Report.history(previous, again));
    }
}
