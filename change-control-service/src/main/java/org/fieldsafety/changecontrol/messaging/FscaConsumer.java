package org.fieldsafety.changecontrol.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.fieldsafety.changecontrol.change.ChangeRequestCommand.RaiseChangeRequest;
import org.fieldsafety.changecontrol.change.ChangeRequests;
import org.fieldsafety.contracts.FscaDecisionTaken;
import org.fieldsafety.eventstore.Conflicts;
import org.fieldsafety.platform.CloudEventHeaders;
import org.fieldsafety.platform.EventPayloads;

/**
 * Raises the change request that an FSCA_REQUIRED decision calls for (the topic carries the case's other
 * milestones too, which raise nothing): the corrective action changes
 * released software only through change control (IEC 62304 9.4, 8.2.1). At least once: the change
 * request's id follows from the case, so a redelivered decision finds the one already raised; a command
 * that raced another on the same aggregate is sent again ({@link Conflicts}). A tolerant reader: the value
 * arrives as text and only a decision is parsed, so a milestone of another type is skipped whatever its
 * shape, and a decision that cannot be read fails this message alone, which goes to
 * {@code fieldsafety.fsca.v1.dlq} with the reason; deserialized by Kafka, it would stop the channel for
 * good on a partition it can never pass. Axon is blocking, hence a worker thread.
 */
@ApplicationScoped
public class FscaConsumer {

    private final CommandGateway commands;
    private final ObjectMapper json;
    private final Clock clock;

    FscaConsumer(CommandGateway commands, ObjectMapper json, Clock clock) {
        this.commands = commands;
        this.json = json;
        this.clock = clock;
    }

    @Incoming(Channels.FSCA_IN)
    @Blocking
    public void on(String value, IncomingKafkaRecordMetadata<String, String> record) {
        if (!FscaDecisionTaken.TYPE.equals(CloudEventHeaders.type(record.getHeaders()))) {
            return;
        }
        FscaDecisionTaken decision = EventPayloads.read(json, value, FscaDecisionTaken.TYPE, FscaDecisionTaken.class);
        if (!FscaDecisionTaken.FSCA_REQUIRED.equals(decision.decision())) {
            return;
        }
        RaiseChangeRequest command = new RaiseChangeRequest(
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
        Conflicts.retry(() -> commands.sendAndWait(command));
    }
}
