package org.fieldsafety.eventstore.processing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.fieldsafety.platform.messaging.Failures;

/**
 * Work that an event handler hands on, done for a processor's whole batch of events at once, in the order
 * handed on, when the batch is about to commit its token: one transaction per batch instead of one per
 * event. The token moves on only once the work is done; work that fails fails the batch, which the
 * processor rolls back and retries.
 *
 * <p>A batch's work fails together, after its handlers ran, where Axon's dead-letter queue cannot tell which
 * event failed. So when it fails for good (a value the database refuses: {@link Failures#permanent}), the
 * processor's next batch on that thread is done one event at a time: each event's work in its own handler,
 * so the one that fails again is parked ({@code ParkingPolicy}) while the others are done. The batch after it
 * is done whole again. Outside a processor's batch (a parked event replayed, a test) work is done at once.
 *
 * @param <T> one event's work
 */
public final class AtBatchCommit<T> {

    private final String pending;
    private final String oneByOneUntilCommit;
    private final Consumer<List<T>> work;

    /** Set on a processor's thread whose batch failed for good, until a batch of it commits. */
    private final ThreadLocal<Boolean> oneByOne = new ThreadLocal<>();

    /**
     * @param name names the batch's pending work among the unit of work's resources; one per use
     * @param work does the work of the events given, in their order, or throws
     */
    public AtBatchCommit(String name, Consumer<List<T>> work) {
        this.pending = name + ".pending";
        this.oneByOneUntilCommit = name + ".oneByOne";
        this.work = work;
    }

    /**
     * Joins the current processor batch's work; done at once outside one, and while the batch is retried one
     * event at a time.
     */
    public void add(T item) {
        UnitOfWork<?> batch =
                CurrentUnitOfWork.isStarted() ? CurrentUnitOfWork.get().root() : null;
        if (!(batch instanceof BatchingUnitOfWork<?>)) {
            work.accept(List.of(item));
            return;
        }
        if (oneByOne.get() != null) {
            batch.getOrComputeResource(oneByOneUntilCommit, key -> {
                batch.afterCommit(committed -> oneByOne.remove());
                return Boolean.TRUE;
            });
            work.accept(List.of(item));
            return;
        }
        batch.<List<T>>getOrComputeResource(pending, key -> {
                    List<T> items = new ArrayList<>();
                    batch.onPrepareCommit(committing -> doAll(items));
                    return items;
                })
                .add(item);
    }

    private void doAll(List<T> items) {
        try {
            work.accept(items);
        } catch (RuntimeException e) {
            if (Failures.permanent(e)) {
                oneByOne.set(Boolean.TRUE);
            }
            throw e;
        }
    }
}
