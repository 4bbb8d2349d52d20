package org.fieldsafety.intake.pms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.fieldsafety.contracts.FieldReportReceived.ReportSource;
import org.fieldsafety.contracts.PmsComplaint;
import org.fieldsafety.intake.report.api.FieldReportRequest;
import org.fieldsafety.intake.report.messaging.ReportPublisher;
import org.fieldsafety.platform.CloudEventHeaders;

/**
 * Normalises PMS complaints into field reports on {@code fieldsafety.reports.v1}. At least once and
 * idempotent: the first delivery records the report id and awareness time, a redelivery re-emits the same
 * report. An invalid complaint goes to {@code pms.complaints.v1.dlq} with every failing field, named as in
 * the contract's {@link PmsComplaint}, as reason; a message of another CloudEvent type is skipped.
 */
@ApplicationScoped
public class PmsComplaintConsumer {

    public static final String CHANNEL = "pms-complaints-in";

    /** Tolerant of fields it does not know: a PMS may add to its messages within a topic version. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final ReportPublisher publisher;
    private final Validator validator;
    private final Clock clock;

    PmsComplaintConsumer(ReportPublisher publisher, Validator validator, Clock clock) {
        this.publisher = publisher;
        this.validator = validator;
        this.clock = clock;
    }

    /**
     * The message value as text, so that one that is not JSON still reaches the dead-letter topic as sent.
     * A tolerant reader: a message of another CloudEvent type is not a complaint and is skipped, so that
     * the PMS may add a type to the topic; one without a type is read as a complaint.
     */
    @Incoming(CHANNEL)
    @WithTransaction
    public Uni<Void> consume(String message, IncomingKafkaRecordMetadata<String, String> record) {
        String type = CloudEventHeaders.type(record.getHeaders());
        if (type != null && !PmsComplaint.TYPE.equals(type)) {
            return Uni.createFrom().voidItem();
        }
        PmsComplaint complaint;
        try {
            complaint = JSON.readValue(message, PmsComplaint.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return Uni.createFrom()
                    .failure(new IllegalArgumentException("not a PMS complaint JSON document: "
                            + (e instanceof JsonProcessingException json
                                    ? json.getOriginalMessage()
                                    : e.getMessage())));
        }
        String invalid = deadLetterReason(validator, complaint);
        if (invalid != null) {
            return Uni.createFrom().failure(new IllegalArgumentException(invalid));
        }
        FieldReportRequest report = asReport(complaint);
        return ProcessedComplaint.<ProcessedComplaint>findById(complaint.complaintId())
                .onItem()
                .ifNull()
                .switchTo(() -> ProcessedComplaint.first(complaint.complaintId(), clock.instant())
                        .persist())
                .chain(processed -> publisher.publish(
                        report.received(processed.reportId, ProcessedComplaint.CLIENT, processed.receivedAt)));
    }

    /** The complaint as a field report of source PMS, validated like any report sent over HTTP. */
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
                complaint.complaintId() == null ? Map.of() : Map.of("pmsComplaintId", complaint.complaintId()));
    }

    /**
     * Every failing field of the complaint, named as in {@link PmsComplaint}, as the dead-letter reason
     * ({@code "country: ...; softwareVersion: ..."}), or null when the complaint is a valid report.
     */
    static String deadLetterReason(Validator validator, PmsComplaint complaint) {
        Stream<String> complaintFields = validator.validate(new ComplaintId(complaint.complaintId())).stream()
                .map(violation -> violation.getPropertyPath() + ": " + violation.getMessage());
        Stream<String> reportFields = validator.validate(asReport(complaint)).stream()
                // the report's attributes carry only the complaint id, already checked on the complaint
                .filter(violation -> !violation.getPropertyPath().toString().startsWith("attributes"))
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
     * What intake asks of the complaint's own field (the contract record carries no constraints): one
     * report per id, so it must be there, and it must fit the table that records it.
     */
    record ComplaintId(@NotBlank @Size(max = 200) String complaintId) {}
}
