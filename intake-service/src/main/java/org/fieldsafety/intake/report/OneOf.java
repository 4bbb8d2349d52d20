package org.fieldsafety.intake.report;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A constant of the given enum, checked by Bean Validation rather than by JSON binding so that a wrong
 * value is reported like every other invalid field, by name; null is valid.
 */
@Target({FIELD, PARAMETER, RECORD_COMPONENT})
@Retention(RUNTIME)
@Constraint(validatedBy = OneOf.Validator.class)
public @interface OneOf {

    Class<? extends Enum<?>> value();

    String message() default "must be one of the allowed values";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<OneOf, String> {

        private Set<String> names;

        @Override
        public void initialize(OneOf constraint) {
            names = Arrays.stream(constraint.value().getEnumConstants())
                    .map(Enum::name)
                    .collect(Collectors.toUnmodifiableSet());
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || names.contains(value)) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate("must be one of "
                            + String.join(", ", names.stream().sorted().toList()))
                    .addConstraintViolation();
            return false;
        }
    }
}
