package org.fieldsafety.intake.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.fieldsafety.contracts.FieldReportReceived.PatientOutcome;
import org.fieldsafety.contracts.FieldReportReceived.ReportSource;
import org.hibernate.validator.HibernateValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The request's validation rules, without booting anything. */
class FieldReportRequestTest {

    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    private static final Validator VALIDATOR = Validation.byProvider(HibernateValidator.class)
            .configure()
            .clockProvider(() -> Clock.fixed(NOW, ZoneOffset.UTC))
            .temporalValidationTolerance(Duration.ofMinutes(5))
            .buildValidatorFactory()
            .getValidator();

    private static FieldReportRequest report(
            ReportSource source,
            String softwareVersion,
            String faultCode,
            String description,
            Instant occurredAt,
            Instant awareAt) {
        return new FieldReportRequest(
                source.name(),
                "INSULIN-PUMP-X",
                null,
                null,
                softwareVersion,
                null,
                faultCode,
                occurredAt,
                "DE",
                PatientOutcome.NONE.name(),
                description,
                null,
                Map.of(),
                awareAt,
                null);
    }

    private static FieldReportRequest report(ReportSource source, String faultCode, String description) {
        return report(source, "4.2.1", faultCode, description, NOW, null);
    }

    private static Set<String> failingFields(FieldReportRequest report) {
        return VALIDATOR.validate(report).stream()
                .map(ConstraintViolation::getPropertyPath)
                .map(Object::toString)
                .collect(Collectors.toSet());
    }

    private static Set<String> fields(String failing) {
        return failing.isBlank()
                ? Set.of()
                : Set.copyOf(Arrays.asList(failing.strip().split(" ")));
    }

    @ParameterizedTest(name = "{0} faultCode={1} description={2} -> {3}")
    @CsvSource({
        "DEVICE_TELEMETRY,   ,      , faultCode",
        "MOBILE_APP,         ,      , faultCode",
        "DEVICE_TELEMETRY,   E-1,   , ''",
        "CUSTOMER_COMPLAINT, ,      , description",
        "CUSTOMER_COMPLAINT, ,  'it hurt', ''",
        "SERVICE_REPORT,     ,      , ''",
        "PMS,                ,      , ''",
    })
    void theSourceDecidesWhatIsRequired(ReportSource source, String faultCode, String description, String failing) {
        assertEquals(fields(failing), failingFields(report(source, faultCode, description)));
    }

    /**
     * ISO 13485 8.2.2 and 21 CFR 820.198: every complaint is recorded, even without software version, fault
     * code or occurrence time; a machine always knows what it ran and when, and must say so.
     */
    @ParameterizedTest(name = "ISO 13485 8.2.2: {0} without version, fault and time -> {1}")
    @CsvSource({
        "CUSTOMER_COMPLAINT, ''",
        "SERVICE_REPORT,     ''",
        "PMS,                ''",
        "DEVICE_TELEMETRY,   softwareVersion faultCode occurredAt",
        "MOBILE_APP,         softwareVersion faultCode occurredAt",
    })
    void complaintsAreAcceptedIncompleteMachinesAreNot(ReportSource source, String failing) {
        assertEquals(fields(failing), failingFields(report(source, null, null, "The patient died", null, null)));
    }

    /**
     * 21 CFR 803.3 "become aware", MDR Art. 87(1): the reporter's awareness lies between the event and its
     * receipt ({@code occurredAt <= awareAt <= now} plus the 5 minutes of clock skew); either bound broken is
     * a 400 naming awareAt.
     */
    @ParameterizedTest(name = "21 CFR 803.3: occurred {0}, aware {1} -> {2}")
    @CsvSource({
        "2026-11-01T10:00:00Z, 2026-11-01T10:00:00Z, ''",
        "2026-11-01T10:00:00Z, 2026-11-05T08:00:00Z, ''",
        "2026-11-01T10:00:00Z, 2026-11-20T12:04:59Z, ''",
        "2026-11-01T10:00:00Z, 2026-11-20T12:05:01Z, awareAt",
        "2026-11-01T10:00:00Z, 2026-11-01T09:59:59Z, awareAt",
        ",                     2026-11-05T08:00:00Z, ''",
        "2026-11-01T10:00:00Z, ,                     ''",
    })
    void awarenessLiesBetweenTheEventAndItsReceipt(Instant occurredAt, Instant awareAt, String failing) {
        assertEquals(
                fields(failing),
                failingFields(report(ReportSource.CUSTOMER_COMPLAINT, null, null, "hurt", occurredAt, awareAt)));
    }

    @ParameterizedTest(name = "country {0} valid: {1}")
    @CsvSource({"DE, true", "US, true", "XX, false", "de, false", "DEU, false"})
    void countriesAreIsoAlpha2(String country, boolean valid) {
        FieldReportRequest report = new FieldReportRequest(
                "PMS", "P", null, null, null, null, null, null, country, null, null, null, null, null, null);
        assertEquals(valid ? Set.of() : Set.of("country"), failingFields(report));
    }

    @ParameterizedTest(name = "occurred {0} s from now valid: {1}")
    @CsvSource({"-86400, true", "0, true", "299, true", "301, false"})
    void occurredAtMayLieInTheFutureOnlyByTheClockSkew(long seconds, boolean valid) {
        Set<String> failing = failingFields(report(ReportSource.PMS, null, null, null, NOW.plusSeconds(seconds), null));
        assertEquals(valid ? Set.of() : Set.of("occurredAt"), failing);
    }

    @Test
    void enumValuesAreChecked() {
        FieldReportRequest report = new FieldReportRequest(
                "FAX", "P", null, null, "1", null, null, NOW, null, "SLIGHTLY_HURT", null, null, null, null, null);
        assertEquals(Set.of("source", "patientOutcome"), failingFields(report));
    }

    @Test
    void theReportCarriesItsAwarenessAndTheReportItFollowsUp() {
        FieldReportRequest request = new FieldReportRequest(
                "CUSTOMER_COMPLAINT",
                "P",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                "The patient died",
                null,
                null,
                NOW.minusSeconds(3600),
                "r-0");
        var received = request.received("r-1", "client", NOW);
        assertEquals(NOW.minusSeconds(3600), received.awareAt());
        assertEquals("r-0", received.followUpOf());
        assertEquals(PatientOutcome.UNKNOWN, received.patientOutcome());
        assertEquals(null, received.softwareVersion());
    }
}
