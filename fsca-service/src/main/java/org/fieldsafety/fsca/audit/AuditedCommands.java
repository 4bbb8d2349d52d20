package org.fieldsafety.fsca.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.IntStream;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.fieldsafety.fsca.cases.FscaCaseCommand;
import org.fieldsafety.platform.domain.NotFound;

/**
 * The one way case commands are sent: with who asked (as the {@value #WHO} metadata that every event
 * the command causes carries), and in one transaction with the audit chain's new links. Blocking.
 */
@ApplicationScoped
public class AuditedCommands {

    /** The metadata key of the user (or {@value #SYSTEM}) on whose behalf a command ran. */
    public static final String WHO = "who";

    public static final String SYSTEM = "system";

    private static final int LOCK_STRIPES = 64;

    private final CommandGateway commands;
    private final AuditTrail trail;

    /**
     * One command on a case at a time in this JVM, from before its transaction begins until after it ended.
     * Axon releases the case when its unit of work is done, which is before this transaction commits the
     * events and their audit links; a second command on the cached case could otherwise build on events
     * not yet committed and link its own to the chain's committed head, forking the chain. Other cases
     * are not held up, except by the rare sharing of a stripe.
     */
    private final Lock[] caseLocks =
            IntStream.range(0, LOCK_STRIPES).mapToObj(i -> new ReentrantLock()).toArray(Lock[]::new);

    AuditedCommands(CommandGateway commands, AuditTrail trail) {
        this.commands = commands;
        this.trail = trail;
    }

    /**
     * In a transaction of its own, which Axon joins, so the events and their links commit together or not
     * at all.
     *
     * @return what the command handler returned (null for most)
     * @throws NotFound when the case does not exist; the rule the command broke as it threw it
     */
    public <R> R send(FscaCaseCommand command, String who) {
        return inOneTransaction(List.of(command), () -> sendAndLink(command, who));
    }

    /**
     * Commands on different cases (a consumed batch's, one per case) in one transaction: all their events
     * and links commit together or none do, for one commit instead of one per command.
     *
     * @return what each command handler returned, in the commands' order (null for most)
     */
    public <R> List<R> sendAll(List<? extends FscaCaseCommand> batch, String who) {
        return inOneTransaction(batch, () -> {
            List<R> results = new ArrayList<>();
            batch.forEach(command -> results.add(sendAndLink(command, who)));
            return results;
        });
    }

    /**
     * Holds the cases' locks in stripe order, so two batches sharing cases cannot each wait for the other.
     */
    private <R> R inOneTransaction(List<? extends FscaCaseCommand> batch, Callable<R> work) {
        List<Lock> locks = batch.stream()
                .mapToInt(command -> Math.floorMod(command.caseId().hashCode(), LOCK_STRIPES))
                .distinct()
                .sorted()
                .mapToObj(stripe -> caseLocks[stripe])
                .toList();
        locks.forEach(Lock::lock);
        try {
            return QuarkusTransaction.requiringNew().call(work);
        } finally {
            locks.forEach(Lock::unlock);
        }
    }

    private <R> R sendAndLink(FscaCaseCommand command, String who) {
        try {
            R result = commands.sendAndWait(
                    GenericCommandMessage.asCommandMessage(command).andMetaData(Map.of(WHO, who)));
            trail.extend(command.caseId());
            return result;
        } catch (AggregateNotFoundException e) {
            throw new NotFound("FSCA case " + command.caseId());
        }
    }
}
