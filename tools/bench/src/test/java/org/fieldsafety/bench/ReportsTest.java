package org.fieldsafety.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.fieldsafety.local.ApiClient;
import org.junit.jupiter.api.Test;

class ReportsTest {

    @Test
    void everyReportIsOneKilobyteOfJson() {
        for (long i : new long[] {0, 7, 123_456_789}) {
            assertEquals(Reports.SIZE, Reports.json(Reports.report(i, i % 2 == 0, BenchSystem.PRODUCTS)).length);
        }
    }

    @Test
    void aBatchHoldsItsReportsForTheProductsInTurn() throws Exception {
        JsonNode batch = ApiClient.JSON.readTree(Reports.batch(0, 100, List.of("A", "B")));
        assertEquals(100, batch.path("reports").size());
        assertEquals("B", batch.path("reports").get(1).path("productId").asText());
        assertEquals(
                "E-LOG-TRUNCATED",
                batch.path("reports").get(0).path("faultCode").asText());
    }
}
