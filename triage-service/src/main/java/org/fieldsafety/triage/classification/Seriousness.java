package org.fieldsafety.triage.classification;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.fieldsafety.contracts.FieldReportReceived.PatientOutcome;
import org.fieldsafety.triage.classification.ProductEntry.Hazard;
import org.fieldsafety.triage.classification.ReportingRegime.Trigger;

/**
 * Whether a report is a (potential) serious incident, which case applied, and why, in words a regulator
 * reads. MDR Art. 2(65): an incident that directly or indirectly led, might have led or might lead to death,
 * a serious deterioration of health or a serious public health threat; 21 CFR 803.50(a): a death or serious
 * injury the device may have caused or contributed to (803.3), or a malfunction that would be likely to
 * cause or contribute to one if it recurred.
 *
 * <ul>
 *   <li>{@link Finding#OBSERVED}: the outcome was death or a serious injury (severity 4 or 5) and the hazard
 *       catalogue foresees that harm for the fault (its catalogued severity is at least the observed one).
 *   <li>{@link Finding#UNANTICIPATED}: the outcome was death or a serious injury the catalogue does not
 *       foresee for that fault: the fault is not catalogued, or the observed harm is more severe than the
 *       catalogued one (MDR Art. 87(5) and MDCG 2023-3: a condition the risk analysis did not consider).
 *   <li>{@link Finding#MIGHT_HAVE_LED}: no serious harm was observed (or the outcome is unknown), but a serious
 *       outcome cannot be excluded: the catalogue rates the fault's harm 4 or 5, flags it a serious public
 *       health threat, or does not know the fault and the item is class B or C (IEC 62304 4.3: only class A
 *       excludes injury; a class B item's bound rests on a risk analysis that did not consider this fault, so
 *       the reading that reports is taken). It stays reportable until a person decides otherwise.
 *   <li>{@link Finding#NOT_SERIOUS}: none of these; recorded for trend reporting (MDR Art. 88).
 * </ul>
 *
 * <p>A missing fault code is a fault the catalogue does not know, a missing item is class C: what is
 * missing counts as the worst case.
 */
public record Seriousness(Finding finding, PatientOutcome outcome, boolean publicHealthThreat, String statement) {

    /** Which case of a serious incident applied. */
    public enum Finding {
        OBSERVED,
        UNANTICIPATED,
        MIGHT_HAVE_LED,
        NOT_SERIOUS
    }

    /**
     * @param hazard the catalogue's entry for the fault, empty when the catalogue does not know it
     * @param faultCode the reported fault code, null when none was reported
     */
    public static Seriousness assess(
            PatientOutcome outcome, Optional<Hazard> hazard, String faultCode, SafetyClass safetyClass) {
        int observed = Severity.observed(outcome);
        boolean threat = hazard.map(Hazard::publicHealthThreat).orElse(false);
        String fault = faultCode == null ? "no fault code was reported" : "fault " + faultCode;
        if (observed >= Severity.SERIOUS) {
            if (hazard.isPresent() && hazard.get().severity() >= observed) {
                return new Seriousness(
                        Finding.OBSERVED,
                        outcome,
                        threat,
                        "Observed: " + words(outcome)
                                + "; the risk analysis anticipated it: the hazard catalogue rates " + fault + " ("
                                + hazard.get().hazard() + ") "
                                + severity(hazard.get().severity()) + ".");
            }
            return new Seriousness(
                    Finding.UNANTICIPATED,
                    outcome,
                    threat,
                    "Unanticipated: " + words(outcome) + " that the risk analysis did not foresee: "
                            + hazard.map(h -> "the hazard catalogue rates " + fault + " (" + h.hazard() + ") "
                                            + severity(h.severity()) + ", less than the harm observed ("
                                            + severity(observed) + ")")
                                    .orElse(fault + " is not in the hazard catalogue")
                            + ".");
        }
        String noSeriousHarm = "no serious harm was observed (" + words(outcome) + ")";
        if (threat) {
            return new Seriousness(
                    Finding.MIGHT_HAVE_LED,
                    outcome,
                    true,
                    "Might have led: " + noSeriousHarm + ", but the hazard catalogue flags " + fault + " ("
                            + hazard.get().hazard() + ") as a serious public health threat.");
        }
        if (hazard.isPresent() && hazard.get().severity() >= Severity.SERIOUS) {
            return new Seriousness(
                    Finding.MIGHT_HAVE_LED,
                    outcome,
                    false,
                    "Might have led: " + noSeriousHarm + ", but the hazard catalogue rates the harm of " + fault
                            + " (" + hazard.get().hazard() + ") "
                            + severity(hazard.get().severity())
                            + ": were it to recur, it could lead to death or a serious deterioration of health.");
        }
        if (hazard.isEmpty() && safetyClass != SafetyClass.A) {
            return new Seriousness(
                    Finding.MIGHT_HAVE_LED,
                    outcome,
                    false,
                    "Might have led: " + noSeriousHarm + ", but " + fault
                            + (faultCode == null ? "" : " is not in the hazard catalogue")
                            + " and the software item is class " + safetyClass
                            + ", which does not exclude death or serious injury: a serious outcome cannot be excluded.");
        }
        return new Seriousness(
                Finding.NOT_SERIOUS,
                outcome,
                false,
                "Not serious: " + noSeriousHarm + ", and "
                        + hazard.map(h -> "the hazard catalogue rates " + fault + " (" + h.hazard() + ") "
                                        + severity(h.severity()))
                                .orElse("the software item is class A: its failure cannot contribute to an injury")
                        + ".");
    }

    /** MDR Art. 2(65): a serious incident, observed or potential. */
    public boolean serious() {
        return finding != Finding.NOT_SERIOUS;
    }

    /** What the reporting regimes decide on. */
    public Set<Trigger> triggers() {
        Set<Trigger> triggers = EnumSet.noneOf(Trigger.class);
        if (publicHealthThreat) {
            triggers.add(Trigger.PUBLIC_HEALTH_THREAT);
        }
        if (outcome == PatientOutcome.DEATH) {
            triggers.add(Trigger.DEATH);
        } else if (finding == Finding.UNANTICIPATED) {
            triggers.add(Trigger.UNANTICIPATED_SERIOUS_DETERIORATION);
        } else if (finding == Finding.OBSERVED) {
            triggers.add(Trigger.SERIOUS_DETERIORATION);
        }
        if (finding == Finding.MIGHT_HAVE_LED) {
            triggers.add(Trigger.MIGHT_HAVE_LED);
        }
        if (finding == Finding.NOT_SERIOUS && outcome == PatientOutcome.NON_SERIOUS_INJURY) {
            triggers.add(Trigger.NON_SERIOUS_HARM);
        }
        return triggers;
    }

    private static String severity(int severity) {
        return "severity " + severity + " (" + Severity.name(severity) + ")";
    }

    private static String words(PatientOutcome outcome) {
        return switch (outcome == null ? PatientOutcome.UNKNOWN : outcome) {
            case DEATH -> "the patient died";
            case SERIOUS_INJURY -> "a serious injury (serious deterioration of health)";
            case NON_SERIOUS_INJURY -> "a non-serious injury";
            case NO_HARM -> "no harm";
            case NONE -> "no health effect";
            case UNKNOWN -> "the outcome is not known";
        };
    }
}
