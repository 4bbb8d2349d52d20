package org.fieldsafety.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ValidatorFactory;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.fieldsafety.infra.InfraTestResource;
import org.fieldsafety.intake.report.FieldReportRequest;
import org.fieldsafety.intake.report.FieldReportRequest.Reporter;
import org.fieldsafety.intake.report.api.BatchRequest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Quarkus' validator uses intake's resolver, not the ORM-aware one, and still checks every nested field. */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "intake"))
@Tag("flow")
class ValidationTraversalTest {

    @Inject
    ValidatorFactory validatorFactory;

    @Inject
    ValidationTraversal traversal;

    private static FieldReportRequest report(String country, Reporter reporter, Map<String, String> attributes) {
        return new FieldReportRequest(
                "DEVICE_TELEMETRY",
                "INSULIN-PUMP-X",
                null,
                null,
                "4.2.1",
                null,
                "E-DOSE-CALC-OVERFLOW",
                Instant.now().minusSeconds(3600),
                country,
                "NONE",
                null,
                reporter,
                attributes,
                null,
                null);
    }

    @Test
    void theValidatorAsksIntakesResolver() {
        assertSame(traversal, validatorFactory.getTraversableResolver());
    }

    @Test
    void everyReportOfABatchAndItsNestedFieldsAreStillValidated() {
        BatchRequest batch = new BatchRequest(Arrays.asList(
                report("DE", new Reporter("DEVICE"), Map.of("battery", "81")),
                report("DE", new Reporter(" "), Map.of()),
                report("DE", null, Map.of("battery", "8".repeat(1001))),
                report("XX", null, null),
                null));

        Set<String> failing = validatorFactory.getValidator().validate(batch).stream()
                .map(ConstraintViolation::getPropertyPath)
                .map(Object::toString)
                .collect(Collectors.toSet());

        assertEquals(
                Set.of(
                        "reports[1].reporter.type",
                        "reports[2].attributes[battery].<map value>",
                        "reports[3].country",
                        "reports[4].<list element>"),
                failing);
    }
}
