package org.fieldsafety.fsca.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.LinkedHashMap;
import java.util.Map;
import org.fieldsafety.fsca.cases.CaseStatus;
import org.junit.jupiter.api.Test;

class PagingTest {

    @Test
    void aMiddlePageLinksBothNeighboursWithTheListsFilters() {
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("product", "PUMP 7");
        filters.put("status", CaseStatus.OPEN);
        Paging paging = Paging.of(3, 10_000, "/console", filters);

        assertEquals(200, paging.pages());
        assertEquals(101, paging.from());
        assertEquals(150, paging.to());
        assertEquals("/console?product=PUMP+7&status=OPEN&page=2", paging.previous());
        assertEquals("/console?product=PUMP+7&status=OPEN&page=4", paging.next());
    }

    @Test
    void theFirstPageHasNoPreviousAndALeftOutFilterIsNotInTheAddress() {
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("product", null);
        Paging paging = Paging.of(1, 51, "/console", filters);

        assertNull(paging.previous());
        assertEquals("/console?page=2", paging.next());
        assertEquals(2, paging.pages());
    }

    @Test
    void theLastPageHasNoNextAndEndsAtTheLastRow() {
        Paging paging = Paging.of(2, 51, "/console/vigilance-reports", Map.of());

        assertEquals(51, paging.from());
        assertEquals(51, paging.to());
        assertNull(paging.next());
    }

    @Test
    void anEmptyListIsOnePageOfNone() {
        Paging paging = Paging.of(1, 0, "/console", Map.of());

        assertEquals(new Paging(1, 1, 0, 0, 0, null, null), paging);
    }

    @Test
    void aPageBeyondTheEndLeadsBackToTheLastPage() {
        Paging paging = Paging.of(9, 120, "/console", Map.of());

        assertEquals(0, paging.from());
        assertEquals("/console?page=3", paging.previous());
        assertNull(paging.next());
    }
}
