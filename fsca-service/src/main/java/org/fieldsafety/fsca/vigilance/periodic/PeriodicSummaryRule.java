package org.fieldsafety.fsca.vigilance.periodic;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.fieldsafety.fsca.vigilance.PatientOutcome;
import org.fieldsafety.fsca.vigilance.Regime;
import org.fieldsafety.platform.domain.InvalidInput;

/**
 * Periodic summary reporting (MDR Art. 87(9); MDCG 2023-3): for similar serious incidents with the same
 * device whose root cause is known, or for which an FSCA is implemented, the manufacturer may report one
 * summary per period instead of each incident, once the coordinating competent authority agreed the format,
 * content and frequency with it. This rule decides which incident a live agreement covers and into which
 * period it falls, and when that period's summary is due.
 *
 * <ul>
 *   <li>Covered: an incident of the agreement's regime (the EU MDR: Art. 87(9) is an MDR provision), product
 *       and problem, of which the manufacturer became aware inside the agreement (on or after its first
 *       period's start, before it ended).
 *   <li>Never covered, whatever was agreed: a serious public health threat (Art. 87(4)), a death or an
 *       unanticipated serious deterioration (Art. 87(5)), by the clock's basis, and any incident whose
 *       patient died whatever its basis: these keep their own report and deadline. Reading that reports: an
 *       incident the rule cannot place under Art. 87(3) is reported on its own.
 *   <li>Periods follow each other from the first period's start, each {@code frequency} long (UTC days); the
 *       summary of a period is due 15 days after it ends. MDCG 2023-3 leaves the delay to the agreement;
 *       this system takes the 15 days of Art. 87(3) from the day the period's last incident could have been
 *       known, so no listed incident waits longer after the period than it would have on its own.
 * </ul>
 */
public final class PeriodicSummaryRule {

    /** After a period ends, the time its summary has (this system's choice, see the class comment). */
    static final Duration REPORTING_TIME = Duration.ofDays(15);

    private PeriodicSummaryRule() {}

    /** One incident as the rule sees it: its clock's regime and basis, the case's keys, the outcome, the awareness. */
    public record IncidentFacts(
            String regime, String productId, String problemId, String basis, String patientOutcome, Instant awareAt) {}

    /** A reporting period: from {@code start} (inclusive) to {@code end} (exclusive), its summary due at {@code dueAt}. */
    public record SummaryPeriod(int number, Instant start, Instant end, Instant dueAt) {}

    /** Whether the agreement of {@code terms}, ended at {@code endedAt} (null: live), covers {@code incident}. */
    public static boolean covers(AgreementTerms terms, Instant endedAt, IncidentFacts incident) {
        Instant from = startOfDay(terms.firstPeriodStart());
        return terms.regime().name().equals(incident.regime())
                && terms.productId().equals(incident.productId())
                && terms.problemId().equals(incident.problemId())
                && !incident.awareAt().isBefore(from)
                && (endedAt == null || incident.awareAt().isBefore(endedAt))
                && !excluded(incident);
    }

    /** A serious public health threat, a death or an unanticipated serious deterioration keeps its own report. */
    static boolean excluded(IncidentFacts incident) {
        return incident.basis() == null
                || incident.basis().startsWith("Art. 87(4)")
                || incident.basis().startsWith("Art. 87(5)")
                || PatientOutcome.DEATH.name().equals(incident.patientOutcome());
    }

    /** The period of the agreement of {@code terms} that holds {@code at} (not before its first period). */
    public static SummaryPeriod periodOf(AgreementTerms terms, Instant at) {
        Period frequency = frequency(terms.frequency());
        LocalDate day = at.atZone(ZoneOffset.UTC).toLocalDate();
        int number = 0;
        LocalDate start = terms.firstPeriodStart();
        LocalDate end = start.plus(frequency);
        while (!day.isBefore(end)) {
            number++;
            start = end;
            end = terms.firstPeriodStart().plus(frequency.multipliedBy(number + 1));
        }
        Instant endsAt = startOfDay(end);
        return new SummaryPeriod(number, startOfDay(start), endsAt, endsAt.plus(REPORTING_TIME));
    }

    /**
     * The agreed frequency as a period of whole days, weeks, months or years, at least a day.
     *
     * @throws InvalidInput when it is no ISO-8601 period or not a positive one
     */
    public static Period frequency(String frequency) {
        Period period;
        try {
            period = Period.parse(frequency == null ? "" : frequency);
        } catch (DateTimeParseException e) {
            throw new InvalidInput(
                    "psr-frequency", "the frequency is an ISO-8601 period such as P1M or P3M, not " + frequency);
        }
        if (period.isNegative() || period.isZero()) {
            throw new InvalidInput("psr-frequency", "the frequency is a positive period, not " + frequency);
        }
        return period;
    }

    /** Only the EU MDR has periodic summary reporting here (Art. 87(9)). */
    public static void requireRegime(Regime regime) {
        if (regime != Regime.EU_MDR) {
            throw new InvalidInput(
                    "psr-regime",
                    "MDR Art. 87(9)",
                    "periodic summary reporting is agreed under the EU MDR here, not " + regime);
        }
    }

    private static Instant startOfDay(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
