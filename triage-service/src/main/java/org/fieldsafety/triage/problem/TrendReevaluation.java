package org.fieldsafety.triage.problem;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;

/**
 * Ends trend episodes whose reports stopped coming: every {@code triage.trend.reevaluate-every} the problems
 * in signal state are evaluated again, so the next increase raises a new signal (one per episode, MDR Art.
 * 88) and the problems list does not show a trend that is over. One instance of the cluster does it at a
 * time: each run takes a PostgreSQL advisory lock for its transaction, and an instance that finds it taken
 * skips its run.
 */
@ApplicationScoped
class TrendReevaluation {

    /** The advisory lock's key, the same in every triage instance: "TREND" in ASCII. */
    static final long LOCK = 0x5452454e44L;

    private final TrendTracker problems;
    private final Clock clock;

    TrendReevaluation(TrendTracker problems, Clock clock) {
        this.problems = problems;
        this.clock = clock;
    }

    @Scheduled(
            identity = "trend-reevaluation",
            every = "${triage.trend.reevaluate-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> reevaluate() {
        return reevaluate(clock.instant()).replaceWithVoid();
    }

    /** The episodes evaluated again at {@code at}; false when another instance holds the run. */
    Uni<Boolean> reevaluate(Instant at) {
        return Panache.withTransaction(() -> Panache.getSession()
                .flatMap(session -> session.createNativeQuery(
                                "select pg_try_advisory_xact_lock(" + LOCK + ")", Boolean.class)
                        .getSingleResult())
                .call(locked -> locked
                        ? problems.reevaluateEpisodes(at)
                        : Uni.createFrom().voidItem()));
    }
}
