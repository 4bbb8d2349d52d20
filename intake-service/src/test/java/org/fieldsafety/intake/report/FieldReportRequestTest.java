package org.fieldsafety.intake.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
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
            ReportSource source, String faultCode, String description, String country, Instant occurredAt) {
        return new FieldReportRequest(
                source.name(),
                "INSULIN-PUMP-X",
                null,
                null,
                "4.2.1",
                null,
                faultCode,
                occurredAt,
                country,
                PatientOutcome.NONE.name(),
                description,
                null,
                Map.of());
    }

    private static Set<String> failingFields(FieldReportRequest report) {
        return VALIDATOR.validate(report).stream()
                .map(ConstraintViolation::getPropertyPath)
                .map(Object::toString)
                .collect(Collectors.toSet());
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
        Set<String> expected = failing.isEmpty() ? Set.of() : Set.of(failing);
        assertEquals(expected, failingFields(report(source, faultCode, description, "DE", NOW)));
    }

    @ParameterizedTest(name = "country {0} valid: {1}")
    @CsvSource({"DE, true", "US, true", "XX, false", "de, false", "DEU, false"})
    void countriesAreIsoAlpha2(String country, boolean valid) {
        Set<String> failing = failingFields(report(ReportSource.PMS, null, null, country, NOW));
        assertEquals(valid ? Set.of() : Set.of("country"), failing);
    }

    @ParameterizedTest(name = "occurred {0} s from now valid: {1}")
    @CsvSource({"-86400, true", "0, true", "299, true", "301, false"})
    void occurredAtMayLieInTheFutureOnlyByTheClockSkew(long seconds, boolean valid) {
        Set<String> failing = failingFields(report(ReportSource.PMS, null, null, "DE", NOW.plusSeconds(seconds)));
        assertEquals(valid ? Set.of() : Set.of("occurredAt"), failing);
    }

    @Test
    void enumValuesAreChecked() {
        FieldReportRequest report = new FieldReportRequest(
                "FAX", "P", null, null, "1", null, null, NOW, null, "SLIGHTLY_HURT", null, null, null);
        assertEquals(Set.of("source", "patientOutcome"), failingFields(report));
    }
}
