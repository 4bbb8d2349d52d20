package org.fieldsafety.eventstore.audit;

import jakarta.inject.Singleton;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.BiFunction;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;

/**
 * The aggregates whose events the current transaction stores: every event on its way into the event store
 * passes here (a dispatch interceptor of the event bus, registered by {@code EventStoreRuntime}). {@link
 * AuditedCommands} extends the audit chain of a command's aggregate only when the command stored events of
 * it, and spares the chain's two reads after a command that changed nothing, as most of change control's
 * commands under load do (they record field reports that show no recurrence). An aggregate without new
 * events has nothing to link: every event is linked in the transaction that stores it. The first event
 * stored of each tells whether the aggregate is new, with no chain to read.
 */
@Singleton
public class StoredAggregates implements MessageDispatchInterceptor<EventMessage<?>> {

    private static final String RESOURCE = StoredAggregates.class.getName();

    private final TransactionSynchronizationRegistry transactions;

    StoredAggregates(TransactionSynchronizationRegistry transactions) {
        this.transactions = transactions;
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        return (index, message) -> {
            if (message instanceof DomainEventMessage<?> event
                    && transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
                stored().merge(event.getAggregateIdentifier(), event.getSequenceNumber(), Math::min);
            }
            return message;
        };
    }

    /**
     * The sequence number of the first event of {@code aggregateId} the current transaction stored since it
     * was last asked; empty when it stored none.
     */
    OptionalLong take(String aggregateId) {
        Long first = stored().remove(aggregateId);
        return first == null ? OptionalLong.empty() : OptionalLong.of(first);
    }

    /** Per aggregate, the sequence number of the first event stored. */
    @SuppressWarnings("unchecked")
    private Map<String, Long> stored() {
        Map<String, Long> stored = (Map<String, Long>) transactions.getResource(RESOURCE);
        if (stored == null) {
            stored = new HashMap<>();
            transactions.putResource(RESOURCE, stored);
        }
        return stored;
    }
}
