package org.fieldsafety.intake.pms.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.Instant;
import org.fieldsafety.contracts.PmsComplaint;
import org.fieldsafety.intake.report.ReportIds;
import org.hibernate.validator.HibernateValidator;
import org.junit.jupiter.api.Test;

/** The dead-letter reason names every failing field of a complaint as PMS vendors know it, without booting. */
class PmsComplaintValidationTest {

    private static final Validator VALIDATOR = Validation.byProvider(HibernateValidator.class)
            .configure()
            .buildValidatorFactory()
            .getValidator();

    @Test
    void aValidComplaintHasNoReason() {
        PmsComplaint complaint = new PmsComplaint(
                "PMS-1",
                "INSULIN-PUMP-X",
                null,
                null,
                "4.2.1",
                null,
                null,
                Instant.parse("2026-11-01T10:00:00Z"),
                "FR",
                "NO_HARM",
                "Display froze",
                "CUSTOMER",
                Instant.parse("2026-11-02T09:00:00Z"),
                null);
        assertNull(PmsComplaintConsumer.deadLetterReason(VALIDATOR, complaint));
    }

    /** ISO 13485 8.2.2, 21 CFR 820.198: every complaint is recorded, even one that names no version or time. */
    @Test
    void aComplaintWithoutVersionFaultOrTimeIsValid() {
        PmsComplaint complaint = new PmsComplaint(
                "PMS-2",
                "INSULIN-PUMP-X",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                "DEATH",
                "Patient died",
                null,
                null,
                "PMS-1");
        assertNull(PmsComplaintConsumer.deadLetterReason(VALIDATOR, complaint));
    }

    @Test
    void aFollowUpNamesTheReportOfTheComplaintItFollowsUp() {
        PmsComplaint followUp = new PmsComplaint(
                "PMS-2",
                "INSULIN-PUMP-X",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                "DEATH",
                null,
                null,
                null,
                "PMS-1");
        assertEquals(
                ReportIds.of("pms", "PMS-1"),
                PmsComplaintConsumer.asReport(followUp).followUpOf());
    }

    @Test
    void theReasonListsEveryFailingField() {
        PmsComplaint complaint = new PmsComplaint(
                " ",
                null,
                null,
                null,
                null,
                null,
                null,
                Instant.parse("2026-11-02T10:00:00Z"),
                "XX",
                "SLIGHTLY_HURT",
                null,
                "",
                Instant.parse("2026-11-01T10:00:00Z"),
                "x".repeat(201));
        assertEquals(
                "awareAt: must not be before occurredAt; "
                        + "complaintId: must not be blank; "
                        + "country: must be an ISO 3166-1 alpha-2 country code; "
                        + "followUpOf: size must be between 0 and 200; "
                        + "patientOutcome: must be one of DEATH, NONE, NON_SERIOUS_INJURY, NO_HARM, SERIOUS_INJURY,"
                        + " UNKNOWN; "
                        + "productId: must not be blank; "
                        + "reporterType: must not be blank",
                PmsComplaintConsumer.deadLetterReason(VALIDATOR, complaint));
    }
}
