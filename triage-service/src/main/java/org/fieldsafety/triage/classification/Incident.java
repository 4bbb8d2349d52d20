package org.fieldsafety.triage.classification;

import java.time.Instant;
import java.util.Set;
import org.fieldsafety.triage.classification.ReportingRegime.Trigger;

/**
 * The facts triage established about one report that the reporting regimes decide on.
 *
 * @param awareAt the manufacturer's awareness ({@link Awareness}), from which every deadline runs
 * @param country ISO 3166-1 alpha-2 of the incident, null when not reported
 * @param triggers what the report's {@link Seriousness} makes reportable; empty when it is not serious
 * @param markets where the device is marketed; null when the product is not registered (everywhere, which
 *     reads towards reporting)
 */
public record Incident(Instant awareAt, String country, Set<Trigger> triggers, Set<String> markets) {

    /** Whether the device is marketed in one of {@code countries}; an unregistered product is taken to be. */
    boolean marketedInAnyOf(Set<String> countries) {
        return markets == null || markets.stream().anyMatch(countries::contains);
    }
}
