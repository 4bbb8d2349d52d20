package org.fieldsafety.intake;

import io.quarkus.hibernate.validator.ValidatorFactoryCustomizer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import org.hibernate.validator.BaseHibernateValidatorConfiguration;

/**
 * Makes {@code @PastOrPresent} use the injected clock and tolerate the configured clock skew, so
 * "occurred in the future" means beyond what device clocks may drift.
 */
@ApplicationScoped
public class ValidationClock implements ValidatorFactoryCustomizer {

    private final Clock clock;
    private final IntakeConfig config;

    ValidationClock(Clock clock, IntakeConfig config) {
        this.clock = clock;
        this.config = config;
    }

    @Override
    public void customize(BaseHibernateValidatorConfiguration<?> configuration) {
        configuration.clockProvider(() -> clock).temporalValidationTolerance(config.clockSkew());
    }
}
