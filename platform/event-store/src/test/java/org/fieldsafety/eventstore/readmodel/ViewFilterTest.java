package org.fieldsafety.eventstore.readmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ViewFilterTest {

    @Test
    void givenValuesFilterAndAbsentOnesDoNot() {
        ViewFilter filter = new ViewFilter()
                .with("status", "DRAFT")
                .with("caseId", null)
                .in("caseId", "select c.caseId from Case c where c.productId = :productId", "productId", "PUMP");

        assertEquals(
                "1 = 1 and status = :status and caseId in (select c.caseId from Case c where c.productId = :productId)",
                filter.query());
        assertEquals(Map.of("status", "DRAFT", "productId", "PUMP"), filter.parameters());
    }

    @Test
    void anAbsentSubqueryValueFiltersNothing() {
        ViewFilter filter = new ViewFilter().in("caseId", "select 1", "productId", null);

        assertEquals("1 = 1", filter.query());
        assertEquals(Map.of(), filter.parameters());
    }
}
