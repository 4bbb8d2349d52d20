package org.fieldsafety.triage.classification;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fieldsafety.triage.classification.ReportingDuty.NotReportable;
import org.fieldsafety.triage.classification.ReportingDuty.Reportable;
import org.fieldsafety.triage.classification.ReportingRegime.MarketedIn;
import org.fieldsafety.triage.classification.ReportingRegime.OccurredIn;

/**
 * Applies the reporting regimes of {@link ReportingRegimes} (MDR Art. 87, UK MDR 2002 Part 4A, SOR/98-282
 * s.59-60, TG(MD)R 2002 reg. 5.7, 21 CFR 803.50) to an incident: each regime whose scope covers it
 * proposes the duty of its earliest matching rule, or says why it is not reportable.
 *
 * <p>Calendar days are exact 24-hour periods from the awareness instant, so a daylight saving change never
 * shortens or lengthens a deadline.
 */
public final class Reportability {

    private final List<ReportingRegime> regimes;

    public Reportability(List<ReportingRegime> regimes) {
        this.regimes = List.copyOf(regimes);
    }

    /** Every regime's duty or reason, in the order of the table. */
    public List<ReportingDuty> assess(Incident incident) {
        return regimes.stream().map(regime -> assess(regime, incident)).toList();
    }

    private ReportingDuty assess(ReportingRegime regime, Incident incident) {
        Optional<String> outOfScope = outOfScope(regime.scope(), incident);
        if (outOfScope.isPresent()) {
            return new NotReportable(regime.id(), outOfScope.get());
        }
        return regime.rules().stream()
                .filter(rule -> rule.triggers().stream().anyMatch(incident.triggers()::contains))
                .map(rule -> Map.entry(rule.basis(), incident.awareAt().plus(Duration.ofDays(rule.days()))))
                .min(Map.Entry.comparingByValue(Comparator.naturalOrder()))
                .<ReportingDuty>map(due -> new Reportable(regime.id(), due.getKey(), due.getValue()))
                .orElseGet(() -> new NotReportable(regime.id(), regime.notSerious()));
    }

    /** Why the incident is outside the regime's scope, or empty when it is inside. */
    private static Optional<String> outOfScope(ReportingRegime.Scope scope, Incident incident) {
        if (scope instanceof OccurredIn in) {
            boolean inside = incident.country() == null
                    ? incident.marketedInAnyOf(in.countries())
                    : in.countries().contains(incident.country());
            return inside ? Optional.empty() : Optional.of(in.elsewhere());
        }
        MarketedIn marketed = (MarketedIn) scope;
        return incident.marketedInAnyOf(Set.of(marketed.country()))
                ? Optional.empty()
                : Optional.of(marketed.notMarketed());
    }
}
