package org.fieldsafety.intake.report;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import org.fieldsafety.platform.domain.Unavailable;
import org.jboss.logging.Logger;

/**
 * The awareness time (MDR Art. 87, 21 CFR 803.50) of a report sent with an {@code Idempotency-Key}: the
 * first attempt's, so a retry, even after a 503, never moves it later. One statement per keyed request;
 * requests without the header never touch the database.
 */
@ApplicationScoped
public class FirstReceipts {

    private static final Logger LOG = Logger.getLogger(FirstReceipts.class);
    // the no-op update makes RETURNING give the stored time when the report id is already there
    private static final String FIRST = "insert into first_receipt (report_id, received_at) values ($1, $2)"
            + " on conflict (report_id) do update set report_id = excluded.report_id returning received_at";

    private final Pool pool;

    FirstReceipts(Pool pool) {
        this.pool = pool;
    }

    /** The time the report first arrived: {@code now} on its first attempt, the stored time on a retry. */
    public Uni<Instant> first(String reportId, Instant now) {
        return pool.preparedQuery(FIRST)
                .execute(Tuple.of(reportId, now.atOffset(ZoneOffset.UTC)))
                .map(rows ->
                        rows.iterator().next().getOffsetDateTime("received_at").toInstant())
                .onFailure()
                .transform(FirstReceipts::unavailable);
    }

    private static Unavailable unavailable(Throwable cause) {
        LOG.warnf("The first receipt of a keyed report could not be stored: %s", cause.toString());
        return new Unavailable(
                "store-unavailable", "The report could not be stored now; nothing was accepted, retry later");
    }
}
