package org.fieldsafety.intake.report;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import org.fieldsafety.contracts.FieldReportReceived.ReportSource;

/**
 * The fields a report's source makes mandatory: machines report a fault code (DEVICE_TELEMETRY,
 * MOBILE_APP), people describe what happened (CUSTOMER_COMPLAINT). The violation names the missing field.
 */
@Target(TYPE)
@Retention(RUNTIME)
@Constraint(validatedBy = ConsistentWithSource.Validator.class)
public @interface ConsistentWithSource {

    String message() default "must not be blank for this source";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ConsistentWithSource, FieldReportRequest> {

        @Override
        public boolean isValid(FieldReportRequest report, ConstraintValidatorContext context) {
            if (report == null) {
                return true;
            }
            String missing = missingField(report);
            if (missing == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate("must not be blank when source is " + report.source())
                    .addPropertyNode(missing)
                    .addConstraintViolation();
            return false;
        }

        private static String missingField(FieldReportRequest report) {
            if (requiresFaultCode(report.source()) && isBlank(report.faultCode())) {
                return "faultCode";
            }
            if (ReportSource.CUSTOMER_COMPLAINT.name().equals(report.source()) && isBlank(report.description())) {
                return "description";
            }
            return null;
        }

        private static boolean requiresFaultCode(String source) {
            return ReportSource.DEVICE_TELEMETRY.name().equals(source)
                    || ReportSource.MOBILE_APP.name().equals(source);
        }

        private static boolean isBlank(String value) {
            return value == null || value.isBlank();
        }
    }
}
