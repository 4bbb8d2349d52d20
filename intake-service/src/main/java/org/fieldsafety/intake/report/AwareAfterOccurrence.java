package org.fieldsafety.intake.report;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The reporter's awareness lies between the event and its receipt: {@code occurredAt <= awareAt}, the
 * upper bound ({@code awareAt <= receivedAt} plus the allowed clock skew) being {@code @PastOrPresent} on
 * the field. The manufacturer becomes aware when any employee acquires information that reasonably
 * suggests a reportable event (21 CFR 803.3 "become aware"; MDR Art. 87(1), and MDCG 2023-3 on the
 * manufacturer's awareness date): a complaint unit may have logged it days before it reaches intake, and
 * the clocks run from then. Nobody becomes aware of an event before it happened, so an earlier {@code
 * awareAt} is refused, naming the field.
 */
@Target(TYPE)
@Retention(RUNTIME)
@Constraint(validatedBy = AwareAfterOccurrence.Validator.class)
public @interface AwareAfterOccurrence {

    String message() default "must not be before occurredAt";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<AwareAfterOccurrence, FieldReportRequest> {

        @Override
        public boolean isValid(FieldReportRequest report, ConstraintValidatorContext context) {
            if (report == null
                    || report.awareAt() == null
                    || report.occurredAt() == null
                    || !report.awareAt().isBefore(report.occurredAt())) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("awareAt")
                    .addConstraintViolation();
            return false;
        }
    }
}
