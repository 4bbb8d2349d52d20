package org.fieldsafety.eventstore.deadletter;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.fieldsafety.platform.messaging.Failures;
import org.jboss.logging.Logger;

/**
 * What becomes of an event that a handler (a projection, a publisher) cannot apply. A failure that retrying
 * cannot cure ({@link Failures#permanent}: a value the database refuses, a programming error) parks the
 * event in its processing group's dead-letter queue with the reason, and the processor goes on: the
 * aggregate's later events wait behind it, every other aggregate's flow on. Any other failure (a database
 * or broker that is down) is thrown on, so the processor stops and retries the event as it always did: it
 * must not park what will pass. A parked event that fails again when replayed stays parked, with the new
 * reason.
 */
public final class ParkingPolicy implements EnqueuePolicy<EventMessage<?>> {

    private static final Logger LOG = Logger.getLogger(ParkingPolicy.class);

    @Override
    public EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        if (!Failures.permanent(cause) && !replaying()) {
            throw cause instanceof RuntimeException unchecked ? unchecked : new IllegalStateException(cause);
        }
        Throwable reason = Failures.namedCause(cause);
        LOG.errorf(
                "Parked %s: %s; the processor goes on without it until it is replayed",
                describe(letter.message()), Failures.reason(cause));
        return Decisions.enqueue(ThrowableCause.truncated(reason));
    }

    /** Whether the dead letter itself is being processed again (Axon puts it in the unit of work). */
    private static boolean replaying() {
        return CurrentUnitOfWork.isStarted()
                && CurrentUnitOfWork.get().root().resources().containsKey(DeadLetter.class.getName());
    }

    static String describe(EventMessage<?> message) {
        String type = message.getPayloadType().getSimpleName();
        return message instanceof DomainEventMessage<?> event
                ? type + " " + event.getSequenceNumber() + " of " + event.getAggregateIdentifier()
                : type + " " + message.getIdentifier();
    }
}
