package org.fieldsafety.eventstore.audit;

import jakarta.inject.Singleton;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
 * events has nothing to link: every event is linked in the transaction that stores it.
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
                stored().add(event.getAggregateIdentifier());
            }
            return message;
        };
    }

    /** Whether the current transaction stored events of {@code aggregateId} since it was last asked. */
    boolean take(String aggregateId) {
        return stored().remove(aggregateId);
    }

    @SuppressWarnings("unchecked")
    private Set<String> stored() {
        Set<String> stored = (Set<String>) transactions.getResource(RESOURCE);
        if (stored == null) {
            stored = new HashSet<>();
            transactions.putResource(RESOURCE, stored);
        }
        return stored;
    }
}
