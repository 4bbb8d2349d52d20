package org.fieldsafety.fsca.cases.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.fieldsafety.eventstore.readmodel.Snapshot;
import org.fieldsafety.infra.InfraTestResource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A case's incidents read twice with another connection's incident committed in between, as a projection's
 * batch commits between a case's row and its incidents: read committed sees it the second time, a
 * {@link Snapshot} does not.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "fsca"))
@Tag("flow")
class SnapshotTest {

    @Inject
    Pool pool;

    @Test
    void aSnapshotDoesNotSeeWhatCommitsBetweenItsStatements() throws Throwable {
        String caseId = UUID.randomUUID().toString();
        VertxContextSupport.subscribeAndAwait(() -> attach(caseId, "first"));

        assertEquals(
                List.of(1, 2),
                VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> countsAround(caseId, "second"))));
        assertEquals(
                List.of(2, 2),
                VertxContextSupport.subscribeAndAwait(
                        () -> Panache.withSession(() -> Snapshot.read(() -> countsAround(caseId, "third")))));
        assertEquals(
                List.of(3, 3),
                VertxContextSupport.subscribeAndAwait(
                        () -> Panache.withSession(() -> Snapshot.read(() -> countsAround(caseId, "fourth")))));
    }

    /** How many incidents the case has before and after another connection commits one more. */
    private Uni<List<Integer>> countsAround(String caseId, String committed) {
        return FscaCaseIncident.ofCase(caseId).chain(before -> attach(caseId, committed)
                .chain(() -> FscaCaseIncident.ofCase(caseId))
                .map(after -> List.of(before.size(), after.size())));
    }

    private Uni<Void> attach(String caseId, String reportId) {
        return pool.preparedQuery("insert into fsca_case_incident (case_id, report_id, attach_sequence, incident)"
                        + " values ($1, $2, 1, $3)")
                .execute(Tuple.of(caseId, reportId, JsonObject.of("reportId", reportId, "clocks", JsonArray.of())))
                .replaceWithVoid();
    }
}
