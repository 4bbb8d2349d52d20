package org.fieldsafety.intake.pms.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.Instant;
import org.fieldsafety.contracts.PmsComplaint;
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
                "CUSTOMER");
        assertNull(PmsComplaintConsumer.deadLetterReason(VALIDATOR, complaint));
    }

    @Test
    void theReasonListsEveryFailingField() {
        PmsComplaint complaint =
                new PmsComplaint(" ", null, null, null, null, null, null, null, "XX", "SLIGHTLY_HURT", null, "");
        assertEquals(
                "complaintId: must not be blank; "
                        + "country: must be an ISO 3166-1 alpha-2 country code; "
                        + "occurredAt: must not be null; "
                        + "patientOutcome: must be one of DEATH, NONE, NON_SERIOUS_INJURY, NO_HARM, SERIOUS_INJURY,"
                        + " UNKNOWN; "
                        + "productId: must not be blank; "
                        + "reporterType: must not be blank; "
                        + "softwareVersion: must not be blank",
                PmsComplaintConsumer.deadLetterReason(VALIDATOR, complaint));
    }
}
