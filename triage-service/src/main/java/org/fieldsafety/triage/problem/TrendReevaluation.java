package org.fieldsafety.triage.problem;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;

/**
 * Ends trend episodes whose reports stopped coming: every {@code triage.trend.reevaluate-every} the problems
 * in signal state are evaluated again, so the next increase raises a new signal (one per episode, MDR Art.
 * 88) and the problems list does not show a trend that is over.
 */
@ApplicationScoped
class TrendReevaluation {

    private final TrendTracker problems;
    private final Clock clock;

    TrendReevaluation(TrendTracker problems, Clock clock) {
        this.problems = problems;
        this.clock = clock;
    }

    @Scheduled(
            identity = "trend-reevaluation",
            every = "${triage.trend.reevaluate-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> reevaluate() {
        return Panache.withTransaction(() -> problems.reevaluateEpisodes(clock.instant()))
                .replaceWithVoid();
    }
}
