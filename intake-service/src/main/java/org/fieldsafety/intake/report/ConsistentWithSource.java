package org.fieldsafety.intake.report;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.ArrayList;
import java.util.List;
import org.fieldsafety.contracts.FieldReportReceived.ReportSource;

/**
 * The fields a report's source makes mandatory: machines report what they ran and when the fault occurred
 * (DEVICE_TELEMETRY, MOBILE_APP: software version, fault code, occurrence time), people describe what
 * happened (CUSTOMER_COMPLAINT). A complaint, a service report and a PMS report are accepted without a
 * software version, fault code or occurrence time: every complaint is recorded, even an incomplete one
 * (ISO 13485 8.2.2, 21 CFR 820.198). Each violation names its missing field.
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
            List<String> missing = missingFields(report);
            if (missing.isEmpty()) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            missing.forEach(field -> context.buildConstraintViolationWithTemplate(
                            "must not be blank when source is " + report.source())
                    .addPropertyNode(field)
                    .addConstraintViolation());
            return false;
        }

        private static List<String> missingFields(FieldReportRequest report) {
            List<String> missing = new ArrayList<>();
            if (isMachine(report.source())) {
                if (isBlank(report.softwareVersion())) {
                    missing.add("softwareVersion");
                }
                if (isBlank(report.faultCode())) {
                    missing.add("faultCode");
                }
                if (report.occurredAt() == null) {
                    missing.add("occurredAt");
                }
            }
            if (ReportSource.CUSTOMER_COMPLAINT.name().equals(report.source()) && isBlank(report.description())) {
                missing.add("description");
            }
            return missing;
        }

        private static boolean isMachine(String source) {
            return ReportSource.DEVICE_TELEMETRY.name().equals(source)
                    || ReportSource.MOBILE_APP.name().equals(source);
        }

        private static boolean isBlank(String value) {
            return value == null || value.isBlank();
        }
    }
}
