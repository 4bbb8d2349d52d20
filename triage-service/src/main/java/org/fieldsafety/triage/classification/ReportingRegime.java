package org.fieldsafety.triage.classification;

import java.util.List;
import java.util.Set;

/**
 * One market's reporting of incidents to its authority, as data: where it applies and, for each case, the
 * deadline and the article it rests on. {@link ReportingRegimes} holds the table; {@link Reportability}
 * applies it.
 *
 * @param id the regime's id in triage results and on FSCA cases ({@code EU_MDR}, {@code UK_MHRA}, ...)
 * @param scope where an incident must have occurred, or where the device must be marketed
 * @param rules each case the regime reports, with its deadline and basis; the earliest matching deadline
 *     applies
 * @param notSerious why an incident that matches no rule is not reportable under the regime
 */
public record ReportingRegime(String id, Scope scope, List<Rule> rules, String notSerious) {

    /** What makes an incident reportable; {@link Seriousness#triggers} says which apply to a report. */
    public enum Trigger {
        /** The catalogue flags the fault's hazard a serious public health threat. */
        PUBLIC_HEALTH_THREAT,
        /** The patient, user or another person died. */
        DEATH,
        /** A serious deterioration of health the risk analysis did not anticipate. */
        UNANTICIPATED_SERIOUS_DETERIORATION,
        /** A serious deterioration of health (serious injury) the risk analysis anticipated. */
        SERIOUS_DETERIORATION,
        /** No serious harm observed, but the incident might have led, or might lead if it recurred, to one. */
        MIGHT_HAVE_LED,
        /** None of the above, but a person was harmed: a non-serious injury. */
        NON_SERIOUS_HARM
    }

    /**
     * A case the regime reports: the triggers it covers, the calendar days allowed from awareness (exact
     * 24-hour periods from the awareness instant), its basis.
     */
    public record Rule(Set<Trigger> triggers, int days, String basis) {}

    /** Where a regime applies. */
    public sealed interface Scope {}

    /**
     * Incidents that occur in one of {@code countries}; one whose country is not reported is taken to occur
     * wherever the device is marketed (reads towards reporting), and one elsewhere is not reportable, for
     * {@code elsewhere}.
     */
    public record OccurredIn(Set<String> countries, String elsewhere) implements Scope {}

    /** Incidents wherever they occur, of a device marketed in {@code country}; otherwise not reportable, for {@code notMarketed}. */
    public record MarketedIn(String country, String notMarketed) implements Scope {}
}
