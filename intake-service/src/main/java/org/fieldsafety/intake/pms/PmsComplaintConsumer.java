package org.fieldsafety.intake.pms;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.fieldsafety.intake.report.api.FieldReportRequest;
import org.fieldsafety.intake.report.messaging.ReportPublisher;

/**
 * Normalises PMS complaints into field reports on {@code fieldsafety.reports.v1}. At least once and
 * idempotent: the first delivery records the report id and awareness time, a redelivery re-emits the same
 * report. An invalid complaint goes to {@code pms.complaints.v1.dlq} with the failing fields as reason.
 */
@ApplicationScoped
public class PmsComplaintConsumer {

    public static final String CHANNEL = "pms-complaints-in";

    private final ReportPublisher publisher;
    private final Validator validator;
    private final Clock clock;

    PmsComplaintConsumer(ReportPublisher publisher, Validator validator, Clock clock) {
        this.publisher = publisher;
        this.validator = validator;
        this.clock = clock;
    }

    @Incoming(CHANNEL)
    @WithTransaction
    public Uni<Void> consume(PmsComplaint complaint) {
        FieldReportRequest report = complaint.asReport();
        String invalid = invalidFields(complaint, report);
        if (invalid != null) {
            return Uni.createFrom().failure(new IllegalArgumentException(invalid));
        }
        return ProcessedComplaint.<ProcessedComplaint>findById(complaint.complaintId())
                .onItem()
                .ifNull()
                .switchTo(() -> ProcessedComplaint.first(complaint.complaintId(), clock.instant())
                        .persist())
                .chain(processed -> publisher.publish(
                        report.received(processed.reportId, ProcessedComplaint.CLIENT, processed.receivedAt)));
    }

    /** The failing fields as the dead-letter reason, or null when the complaint is a valid report. */
    private String invalidFields(PmsComplaint complaint, FieldReportRequest report) {
        if (complaint.complaintId() == null || complaint.complaintId().isBlank()) {
            return "complaintId: must not be blank";
        }
        Set<ConstraintViolation<FieldReportRequest>> violations = validator.validate(report);
        if (violations.isEmpty()) {
            return null;
        }
        return violations.stream()
                .map(violation -> violation.getPropertyPath() + ": " + violation.getMessage())
                .sorted()
                .collect(Collectors.joining("; "));
    }
}
