package org.fieldsafety.intake.pms.messaging;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.fieldsafety.contracts.FieldLengths;
import org.fieldsafety.contracts.FieldReportReceived.ReportSource;
import org.fieldsafety.contracts.PmsComplaint;
import org.fieldsafety.intake.pms.ProcessedComplaint;
import org.fieldsafety.intake.report.FieldReportRequest;
import org.fieldsafety.intake.report.ReportIds;
import org.fieldsafety.intake.report.messaging.ReportPublisher;
import org.fieldsafety.platform.messaging.BatchConsumer;
import org.fieldsafety.platform.messaging.IncomingEvent;
import org.fieldsafety.platform.messaging.Unprocessable;

/**
 * Normalises PMS complaints into field reports on {@code fieldsafety.reports.v1}, in batches like every
 * consumer ({@link BatchConsumer}). At least once and idempotent: the first delivery records the report id
 * and awareness time, a redelivery re-emits the same report; a database or broker that is down holds the
 * batch back until it passes. An invalid complaint goes to {@code pms.complaints.v1.dlq} with every
 * failing field, named as in the contract's {@link PmsComplaint}, as reason; a message of another
 * CloudEvent type is skipped.
 */
@ApplicationScoped
public class PmsComplaintConsumer {

    public static final String CHANNEL = "pms-complaints-in";
    public static final String DEAD_LETTERS = "pms-complaints-dlq";

    private final ReportPublisher publisher;
    private final Validator validator;
    private final Clock clock;
    private final BatchConsumer<PmsComplaint> consumer;

    PmsComplaintConsumer(
            ReportPublisher publisher,
            Validator validator,
            Clock clock,
            @Channel(DEAD_LETTERS) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024)
                    MutinyEmitter<String> deadLetters) {
        this.publisher = publisher;
        this.validator = validator;
        this.clock = clock;
        this.consumer = new BatchConsumer<>(deadLetters, this::read, this::report);
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        return consumer.consume(batch);
    }

    /**
     * A tolerant reader: a message of another CloudEvent type is not a complaint and is skipped, so that
     * the PMS may add a type to the topic; one without a type is read as a complaint.
     */
    private PmsComplaint read(IncomingEvent event) {
        if (event.type() != null && !event.is(PmsComplaint.TYPE)) {
            return null;
        }
        PmsComplaint complaint = event.as(PmsComplaint.class, "PMS complaint");
        String invalid = deadLetterReason(validator, complaint);
        if (invalid != null) {
            throw new Unprocessable(invalid);
        }
        return complaint;
    }

    /**
     * Records the complaints seen for the first time with their report id and awareness time, then
     * publishes every complaint's report, a redelivered one's as it was first published.
     */
    private Uni<Void> report(List<PmsComplaint> complaints) {
        List<String> ids =
                complaints.stream().map(PmsComplaint::complaintId).distinct().toList();
        return Panache.withTransaction(() -> ProcessedComplaint.<ProcessedComplaint>list("complaintId in ?1", ids)
                        .chain(known -> {
                            Map<String, ProcessedComplaint> processed =
                                    known.stream().collect(Collectors.toMap(p -> p.complaintId, Function.identity()));
                            List<ProcessedComplaint> first = ids.stream()
                                    .filter(id -> !processed.containsKey(id))
                                    .map(id -> ProcessedComplaint.first(id, clock.instant()))
                                    .toList();
                            first.forEach(p -> processed.put(p.complaintId, p));
                            return first.isEmpty()
                                    ? Uni.createFrom().item(processed)
                                    : ProcessedComplaint.persist(first).replaceWith(processed);
                        }))
                .chain(processed -> publisher.publishAll(complaints.stream()
                        .map(complaint -> {
                            ProcessedComplaint report = processed.get(complaint.complaintId());
                            return asReport(complaint)
                                    .received(report.reportId, ProcessedComplaint.CLIENT, report.receivedAt);
                        })
                        .toList()));
    }

    /**
     * The complaint as a field report of source PMS, validated like any report sent over HTTP; the complaint
     * it follows up, named by its complaint id, becomes that complaint's report id.
     */
    static FieldReportRequest asReport(PmsComplaint complaint) {
        return new FieldReportRequest(
                ReportSource.PMS.name(),
                complaint.productId(),
                complaint.udiDi(),
                complaint.deviceSerial(),
                complaint.softwareVersion(),
                complaint.softwareItem(),
                complaint.faultCode(),
                complaint.occurredAt(),
                complaint.country(),
                complaint.patientOutcome(),
                complaint.description(),
                complaint.reporterType() == null ? null : new FieldReportRequest.Reporter(complaint.reporterType()),
                complaint.complaintId() == null ? Map.of() : Map.of("pmsComplaintId", complaint.complaintId()),
                complaint.awareAt(),
                complaint.followUpOf() == null
                        ? null
                        : ReportIds.of(ProcessedComplaint.CLIENT, complaint.followUpOf()));
    }

    /**
     * Every failing field of the complaint, named as in {@link PmsComplaint}, as the dead-letter reason
     * ({@code "country: ...; softwareVersion: ..."}), or null when the complaint is a valid report.
     */
    static String deadLetterReason(Validator validator, PmsComplaint complaint) {
        Stream<String> complaintFields =
                validator.validate(new ComplaintIds(complaint.complaintId(), complaint.followUpOf())).stream()
                        .map(violation -> violation.getPropertyPath() + ": " + violation.getMessage());
        Stream<String> reportFields = validator.validate(asReport(complaint)).stream()
                // the report's attributes and followUpOf carry complaint ids, already checked on the complaint
                .filter(violation -> !violation.getPropertyPath().toString().startsWith("attributes")
                        && !violation.getPropertyPath().toString().equals("followUpOf"))
                .map(violation ->
                        complaintField(violation.getPropertyPath().toString()) + ": " + violation.getMessage());
        String reason = Stream.concat(complaintFields, reportFields).sorted().collect(Collectors.joining("; "));
        return reason.isEmpty() ? null : reason;
    }

    /** The complaint's name for a field of the report it becomes. */
    private static String complaintField(String reportField) {
        return reportField.equals("reporter.type") ? "reporterType" : reportField;
    }

    /**
     * What intake asks of the complaint's own ids (the contract record carries no constraints): one report
     * per id, so it must be there, and it must fit the table that records it; the id of the complaint it
     * follows up, when there is one, too.
     */
    record ComplaintIds(
            @NotBlank @Size(max = FieldLengths.COMPLAINT_ID) String complaintId,
            @Size(max = FieldLengths.FOLLOW_UP_OF) String followUpOf) {}
}
