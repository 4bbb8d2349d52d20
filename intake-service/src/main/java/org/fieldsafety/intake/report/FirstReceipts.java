package org.fieldsafety.intake.report;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.fieldsafety.platform.domain.Unavailable;
import org.jboss.logging.Logger;

/**
 * The awareness time (MDR Art. 87, 21 CFR 803.50) of a report sent with an {@code Idempotency-Key}: the
 * first attempt's, so a retry, even after a 503, never moves it later. Requests without the header never
 * touch the database.
 *
 * <p>At most {@link #IN_FLIGHT} statements run at once. The keyed requests that arrive while they do wait
 * and are stored together by the next one, one statement and one commit for all of them: under load one
 * commit serves many requests, and a lone request is stored at once. Each answer goes back to its
 * request's own Vert.x context.
 */
@ApplicationScoped
public class FirstReceipts {

    private static final Logger LOG = Logger.getLogger(FirstReceipts.class);
    // the no-op update makes RETURNING give the stored time when the report id is already there
    private static final String FIRST = "insert into first_receipt (report_id, received_at)"
            + " select * from unnest($1::varchar[], $2::timestamptz[])"
            + " on conflict (report_id) do update set report_id = excluded.report_id returning report_id, received_at";

    /** Two, so that requests gather behind one statement while the other commits. */
    private static final int IN_FLIGHT = 2;

    private final Pool pool;
    private final Object lock = new Object();
    /**
     * The requests waiting for the next statement, by report id: a report id once per statement, and in
     * order, so two statements that meet on the same ids lock them in the same order.
     */
    private Map<String, Waiting> waiting = new TreeMap<>();

    /** The statements running now. */
    private int running;

    FirstReceipts(Pool pool) {
        this.pool = pool;
    }

    /** The time the report first arrived: {@code now} on its first attempt, the stored time on a retry. */
    public Uni<Instant> first(String reportId, Instant now) {
        Context context = Vertx.currentContext();
        Uni<Instant> stored = Uni.createFrom().emitter(emitter -> {
            boolean start;
            synchronized (lock) {
                waiting.computeIfAbsent(reportId, id -> new Waiting(now))
                        .requests
                        .add(emitter);
                start = running < IN_FLIGHT;
                if (start) {
                    running++;
                }
            }
            if (start) {
                storeWaiting();
            }
        });
        return context == null ? stored : stored.emitOn(task -> context.runOnContext(ignored -> task.run()));
    }

    /** Stores what waits in one statement, then what arrived meanwhile, until nothing waits. */
    private void storeWaiting() {
        Map<String, Waiting> batch;
        synchronized (lock) {
            if (waiting.isEmpty()) {
                running--;
                return;
            }
            batch = waiting;
            waiting = new TreeMap<>();
        }
        String[] reportIds = batch.keySet().toArray(String[]::new);
        OffsetDateTime[] times = batch.values().stream()
                .map(request -> request.now.atOffset(ZoneOffset.UTC))
                .toArray(OffsetDateTime[]::new);
        pool.preparedQuery(FIRST)
                .execute(Tuple.of(reportIds, times))
                .subscribe()
                .with(
                        rows -> {
                            storeWaiting();
                            answer(batch, rows);
                        },
                        failure -> {
                            storeWaiting();
                            Unavailable unavailable = unavailable(failure);
                            batch.values().forEach(request -> request.requests.forEach(r -> r.fail(unavailable)));
                        });
    }

    private static void answer(Map<String, Waiting> batch, RowSet<Row> rows) {
        Map<String, Instant> stored = new HashMap<>();
        for (Row row : rows) {
            stored.put(
                    row.getString("report_id"),
                    row.getOffsetDateTime("received_at").toInstant());
        }
        batch.forEach((reportId, sameId) -> {
            Instant first = stored.get(reportId);
            sameId.requests.forEach(request -> {
                if (first == null) {
                    request.fail(unavailable(new IllegalStateException("no row returned for " + reportId)));
                } else {
                    request.complete(first);
                }
            });
        });
    }

    private static Unavailable unavailable(Throwable cause) {
        LOG.warnf("The first receipt of a keyed report could not be stored: %s", cause.toString());
        return new Unavailable(
                "store-unavailable", "The report could not be stored now; nothing was accepted, retry later");
    }

    /** The requests for one report id and the time the first of them arrived. */
    private static final class Waiting {

        private final Instant now;
        private final List<UniEmitter<? super Instant>> requests = new ArrayList<>();

        Waiting(Instant now) {
            this.now = now;
        }
    }
}
