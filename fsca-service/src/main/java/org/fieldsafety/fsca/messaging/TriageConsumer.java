package org.fieldsafety.fsca.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.fieldsafety.contracts.ReportTriaged;
import org.fieldsafety.eventstore.Conflicts;
import org.fieldsafety.fsca.audit.AuditedCommands;
import org.fieldsafety.fsca.cases.FscaCaseCommand.RecordIncident;
import org.fieldsafety.fsca.cases.FscaCases;
import org.fieldsafety.fsca.cases.Incident;
import org.fieldsafety.platform.CloudEventHeaders;
import org.fieldsafety.platform.EventPayloads;

/**
 * Opens or extends a case for every FSCA candidate that triage publishes (the topic also carries
 * ProblemDetected and TrendSignalRaised, which open no case). A tolerant reader: the value arrives as
 * text and only a ReportTriaged is parsed, so a message of another type is skipped whatever its shape,
 * and a ReportTriaged that cannot be read fails this message alone, which goes to
 * {@code fieldsafety.triage.v1.dlq} with the reason; deserialized by Kafka, it would stop the channel for
 * good on a partition it can never pass. At least once: a redelivered report is recognised by the case
 * itself; a command that raced a user's step on the same case is sent again ({@link Conflicts}). Axon is
 * blocking, hence a worker thread.
 */
@ApplicationScoped
public class TriageConsumer {

    private final AuditedCommands commands;
    private final ObjectMapper json;
    private final Clock clock;

    TriageConsumer(AuditedCommands commands, ObjectMapper json, Clock clock) {
        this.commands = commands;
        this.json = json;
        this.clock = clock;
    }

    @Incoming(Channels.TRIAGE_IN)
    @Blocking
    public void on(String value, IncomingKafkaRecordMetadata<String, String> record) {
        if (!ReportTriaged.TYPE.equals(CloudEventHeaders.type(record.getHeaders()))) {
            return;
        }
        ReportTriaged triaged = EventPayloads.read(json, value, ReportTriaged.TYPE, ReportTriaged.class);
        if (!triaged.fscaCandidate()) {
            return;
        }
        RecordIncident command = new RecordIncident(
                FscaCases.caseIdFor(triaged.problemId()),
                triaged.problemId(),
                triaged.productId(),
                incident(triaged),
                clock.instant());
        Conflicts.retry(() -> commands.send(command, AuditedCommands.SYSTEM));
    }

    private static Incident incident(ReportTriaged triaged) {
        return new Incident(
                triaged.reportId(),
                triaged.awareAt(),
                triaged.softwareItem(),
                triaged.softwareVersion(),
                triaged.faultCode(),
                triaged.country(),
                triaged.safetyClass(),
                triaged.hazard(),
                triaged.severity(),
                triaged.probability(),
                triaged.riskRegion(),
                triaged.seriousIncident(),
                triaged.reportability().stream()
                        .map(r -> new Incident.ReportingClock(r.regime(), r.basis(), r.deadline()))
                        .toList());
    }
}
