package org.fieldsafety.fsca.cases.query;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.ToLongFunction;
import javax.sql.DataSource;
import org.fieldsafety.platform.telemetry.Meter;

/**
 * The reporting clocks an operator watches, from the case read model: per regime, the clocks running and
 * not yet past their deadline ({@link Meter#CLOCKS_OPEN}), those of them due within 24 hours ({@link
 * Meter#CLOCKS_DUE}) and those running past their deadline ({@link Meter#CLOCKS_MISSED}, MDR Art. 87 and 21
 * CFR 803 deadlines missed). A clock runs while it is OPEN: neither reported nor ended by a signed
 * "not reportable" ({@code ClockState}). Counted every 30 seconds by one query, whatever the scrapes; the
 * incidents' clocks are read only from rows whose nearest deadline is set (a running clock), and each
 * case's own correction-report clock from its view.
 */
@Startup
@Singleton
public class ClockFigures {

    static final Duration DUE_WITHIN = Duration.ofHours(24);

    private static final String COUNT =
            """
            with running as (
                select c ->> 'regime' as regime, (c ->> 'deadline')::timestamptz as deadline
                from fsca_case_incident i, jsonb_array_elements(i.incident -> 'clocks') c
                where i.nearest_deadline is not null and coalesce(c ->> 'state', 'OPEN') = 'OPEN'
                union all
                select v.details -> 'correctionClock' ->> 'regime', (v.details -> 'correctionClock' ->> 'deadline')::timestamptz
                from fsca_case_view v
                where v.status <> 'CLOSED' and jsonb_typeof(v.details -> 'correctionClock') = 'object'
                  and coalesce(v.details -> 'correctionClock' ->> 'state', 'OPEN') = 'OPEN')
            select regime,
                   count(*) filter (where deadline >= ?),
                   count(*) filter (where deadline >= ? and deadline < ?),
                   count(*) filter (where deadline < ?)
            from running group by regime
            """;

    /** The clocks of one regime: open (not past the deadline), of them due within 24 hours, and missed. */
    public record Counts(long open, long due, long missed) {}

    private final DataSource dataSource;
    private final Clock clock;
    private final MultiGauge open;
    private final MultiGauge due;
    private final MultiGauge missed;
    /** Every regime counted since the start: one whose clocks all ended reads 0 rather than vanishing. */
    private final Set<String> regimes = new TreeSet<>();

    ClockFigures(DataSource dataSource, Clock clock, MeterRegistry metrics) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.open = gauge(Meter.CLOCKS_OPEN, metrics);
        this.due = gauge(Meter.CLOCKS_DUE, metrics);
        this.missed = gauge(Meter.CLOCKS_MISSED, metrics);
    }

    @Scheduled(
            every = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() throws SQLException {
        refresh();
    }

    /** Counts the clocks now and sets the gauges; the counts by regime. */
    public synchronized Map<String, Counts> refresh() throws SQLException {
        Map<String, Counts> counts = count(clock.instant());
        regimes.addAll(counts.keySet());
        set(open, counts, Counts::open);
        set(due, counts, Counts::due);
        set(missed, counts, Counts::missed);
        return counts;
    }

    private Map<String, Counts> count(Instant now) throws SQLException {
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        OffsetDateTime dueBy = at.plus(DUE_WITHIN);
        Map<String, Counts> counts = new TreeMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(COUNT)) {
            query.setObject(1, at);
            query.setObject(2, at);
            query.setObject(3, dueBy);
            query.setObject(4, at);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), new Counts(rows.getLong(2), rows.getLong(3), rows.getLong(4)));
                }
            }
        }
        return counts;
    }

    private static MultiGauge gauge(Meter meter, MeterRegistry metrics) {
        return MultiGauge.builder(meter.meterName())
                .description(meter.description())
                .register(metrics);
    }

    private void set(MultiGauge gauge, Map<String, Counts> counts, ToLongFunction<Counts> value) {
        Counts none = new Counts(0, 0, 0);
        List<MultiGauge.Row<?>> rows = regimes.stream()
                .<MultiGauge.Row<?>>map(regime -> MultiGauge.Row.of(
                        Tags.of("regime", regime), value.applyAsLong(counts.getOrDefault(regime, none))))
                .toList();
        gauge.register(rows, true);
    }
}
