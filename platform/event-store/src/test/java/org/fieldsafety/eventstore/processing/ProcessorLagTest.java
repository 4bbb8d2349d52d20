package org.fieldsafety.eventstore.processing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ProcessorLagTest {

    @Test
    void theLagIsTheHeadMinusTheLowestSegment() {
        assertEquals(7, ProcessorLag.lag(10, List.of(OptionalLong.of(9), OptionalLong.of(3), OptionalLong.of(10))));
    }

    @Test
    void aSegmentThatHasNotStartedStandsBeforeTheFirstEvent() {
        assertEquals(11, ProcessorLag.lag(10, List.of(OptionalLong.of(10), OptionalLong.empty())));
    }

    @Test
    void aSegmentAheadOfAStaleHeadIsNotBehind() {
        assertEquals(0, ProcessorLag.lag(10, List.of(OptionalLong.of(12))));
    }

    @Test
    void withoutSegmentsThereIsNoLag() {
        assertEquals(ProcessorLag.NONE, ProcessorLag.lag(10, List.of()));
    }
}
