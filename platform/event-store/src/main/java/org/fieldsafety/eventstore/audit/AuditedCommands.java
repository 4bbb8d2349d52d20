package org.fieldsafety.eventstore.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.IntStream;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.fieldsafety.platform.messaging.CloudEvents;
import org.fieldsafety.platform.messaging.Traced;

/**
 * The one way the event-sourced services send commands (21 CFR 11.10(e)): with who asked, as the {@value
 * #WHO} metadata that every event the command causes carries (as it carries the trace, {@link #TRACEPARENT}),
 * and in one transaction with the new links of the audit chain of the aggregate the command targets ({@link
 * AuditTrail}), when it stored events ({@link StoredAggregates}). Blocking. A command on an
 * aggregate that does not exist fails with Axon's {@code AggregateNotFoundException}, for the caller to name.
 */
@ApplicationScoped
public class AuditedCommands {

    /** The metadata key of the user (or {@value #SYSTEM}) on whose behalf a command ran. */
    public static final String WHO = "who";

    public static final String SYSTEM = "system";

    /**
     * The metadata key of the aggregate version (its last event's sequence number) the sender decided on;
     * {@link ExpectedVersionTargets} hands it to Axon, which refuses the command when the aggregate moved on.
     */
    public static final String EXPECTED_VERSION = "expectedVersion";

    /**
     * The metadata key of the W3C trace context of what caused a command (the request, or the record a
     * consumer read), which every event the command causes carries, so that what is published from those
     * events continues that trace.
     */
    public static final String TRACEPARENT = CloudEvents.TRACEPARENT;

    private static final int LOCK_STRIPES = 64;

    private final CommandGateway commands;
    private final AuditTrail trail;
    private final StoredAggregates stored;

    /**
     * One command on an aggregate at a time in this JVM, from before its transaction begins until after it
     * ended. Axon releases the aggregate when its unit of work is done, which is before this transaction
     * commits the events and their audit links; a second command on the cached aggregate could otherwise
     * build on events not yet committed and link its own to the chain's committed head, forking the chain.
     * Other aggregates are not held up, except by the rare sharing of a stripe.
     */
    private final Lock[] locks =
            IntStream.range(0, LOCK_STRIPES).mapToObj(i -> new ReentrantLock()).toArray(Lock[]::new);

    AuditedCommands(CommandGateway commands, AuditTrail trail, StoredAggregates stored) {
        this.commands = commands;
        this.trail = trail;
        this.stored = stored;
    }

    /**
     * In a transaction of its own, which Axon joins, so the events and their links commit together or not
     * at all.
     *
     * @return what the command handler returned (null for most)
     */
    public <R> R send(Object command, String who) {
        return send(command, who, null);
    }

    /**
     * As {@link #send(Object, String)}, on the aggregate as {@code who} saw it: at {@code expectedVersion} (null:
     * whatever its version). When the aggregate moved on since (a person's step taken on a stale page), Axon
     * refuses the command with its {@code ConflictingAggregateVersionException}, for the caller to name;
     * nothing is applied.
     */
    public <R> R send(Object command, String who, Long expectedVersion) {
        String trace = CloudEvents.currentTraceparent();
        return inOneTransaction(List.of(command), () -> sendAndLink(command, who, expectedVersion, trace));
    }

    /**
     * Commands on different aggregates (a consumed batch's, one per aggregate) in one transaction: all their
     * events and links commit together or none do, for one commit instead of one per command.
     *
     * @return what each command handler returned, in the commands' order (null for most)
     */
    public <R> List<R> sendAll(List<?> batch, String who) {
        String trace = CloudEvents.currentTraceparent();
        return sendTraced(
                batch.stream().map(command -> new Traced<>(command, trace)).toList(), who);
    }

    /** As {@link #sendAll}, each command in the trace of the record it came from (null: none). */
    public <R> List<R> sendTraced(List<? extends Traced<?>> batch, String who) {
        return inOneTransaction(batch.stream().map(Traced::value).toList(), () -> {
            List<R> results = new ArrayList<>(batch.size());
            batch.forEach(command -> results.add(sendAndLink(command.value(), who, null, command.traceparent())));
            return results;
        });
    }

    /** Holds the aggregates' locks in stripe order, so two batches sharing aggregates cannot each wait for the other. */
    private <R> R inOneTransaction(List<?> batch, Callable<R> work) {
        List<Lock> held = batch.stream()
                .mapToInt(command ->
                        Math.floorMod(CommandTargets.aggregateId(command).hashCode(), LOCK_STRIPES))
                .distinct()
                .sorted()
                .mapToObj(stripe -> locks[stripe])
                .toList();
        held.forEach(Lock::lock);
        try {
            return QuarkusTransaction.requiringNew().call(work);
        } finally {
            held.forEach(Lock::unlock);
        }
    }

    private <R> R sendAndLink(Object command, String who, Long expectedVersion, String traceparent) {
        Map<String, Object> metaData = new HashMap<>();
        metaData.put(WHO, who);
        if (expectedVersion != null) {
            metaData.put(EXPECTED_VERSION, expectedVersion);
        }
        if (traceparent != null) {
            metaData.put(TRACEPARENT, traceparent);
        }
        R result = commands.sendAndWait(
                GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
        String aggregateId = CommandTargets.aggregateId(command);
        OptionalLong firstStored = stored.take(aggregateId);
        if (firstStored.isPresent()) {
            trail.extend(aggregateId, firstStored.getAsLong());
        }
        return result;
    }
}
