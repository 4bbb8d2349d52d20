package org.fieldsafety.changecontrol.change.messaging;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Collections;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.fieldsafety.changecontrol.Channels;
import org.fieldsafety.changecontrol.change.ChangeRequestCommand.RaiseChangeRequest;
import org.fieldsafety.changecontrol.change.ChangeRequests;
import org.fieldsafety.contracts.FscaDecisionTaken;
import org.fieldsafety.eventstore.Conflicts;
import org.fieldsafety.eventstore.audit.AuditedCommands;
import org.fieldsafety.platform.messaging.BatchConsumer;
import org.fieldsafety.platform.messaging.IncomingEvent;
import org.fieldsafety.platform.telemetry.LogContext;

/**
 * Raises the change request that an FSCA_REQUIRED decision calls for (the topic carries the case's other
 * milestones too, which raise nothing): the corrective action changes released software only through
 * change control (IEC 62304 9.4, 8.2.1). At least once, in batches ({@link BatchConsumer}): the change
 * request's id follows from the case, so a redelivered decision finds the one already raised; a command
 * that raced another on the same aggregate is sent again ({@link Conflicts}), and a database that is down
 * holds the batch back until it passes. A tolerant reader: only a decision is parsed, so a milestone of
 * another type is skipped whatever its shape, and a decision that cannot be read, or that the change
 * request refuses, goes alone to {@code fieldsafety.fsca.v1.dlq} with the reason. Axon is blocking, hence
 * a worker thread.
 */
@ApplicationScoped
public class FscaConsumer {

    private final BatchConsumer<FscaDecisionTaken> consumer;

    FscaConsumer(
            AuditedCommands commands,
            Clock clock,
            @Channel(Channels.FSCA_DLQ) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024)
                    MutinyEmitter<String> deadLetters) {
        this.consumer = new BatchConsumer<>(
                deadLetters,
                FscaConsumer::read,
                BatchConsumer.Work.blocking(decisions -> decisions.forEach(decision -> LogContext.with(
                        Collections.singletonMap(LogContext.CASE_ID, decision.caseId()),
                        () -> Conflicts.retry(() -> commands.send(raise(decision, clock), AuditedCommands.SYSTEM))))));
    }

    @Incoming(Channels.FSCA_IN)
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        return consumer.consume(batch);
    }

    /** A decision that requires an FSCA, or null. */
    private static FscaDecisionTaken read(IncomingEvent event) {
        if (!event.is(FscaDecisionTaken.TYPE)) {
            return null;
        }
        FscaDecisionTaken decision = event.as(FscaDecisionTaken.class, FscaDecisionTaken.TYPE);
        LogContext.put(LogContext.CASE_ID, decision.caseId());
        return FscaDecisionTaken.FSCA_REQUIRED.equals(decision.decision()) ? decision : null;
    }

    private static RaiseChangeRequest raise(FscaDecisionTaken decision, Clock clock) {
        return new RaiseChangeRequest(
                ChangeRequests.idForFscaCase(decision.caseId()),
                "FSCA " + decision.caseId() + ": " + decision.action(),
                decision.rationale(),
                decision.productId(),
                decision.softwareItems(),
                null,
                decision.problemId(),
                decision.caseId(),
                decision.decidedBy(),
                clock.instant());
    }
}
