package org.fieldsafety.triage.classification;

import java.time.Duration;
import java.util.Set;
import org.fieldsafety.contracts.FieldReportReceived.PatientOutcome;
import org.fieldsafety.triage.classification.ReportingDuty.NotReportable;
import org.fieldsafety.triage.classification.ReportingDuty.Reportable;

/**
 * EU MDR (Regulation 2017/745) Art. 87 vigilance reporting of serious incidents to the competent
 * authority:
 *
 * <ul>
 *   <li>Art. 87(4): serious public health threat, at the latest 2 days after awareness;
 *   <li>Art. 87(5): death or an unanticipated serious deterioration of health (its cause, the fault, is
 *       not in the hazard catalogue, MDCG 2023-3), at the latest 10 days after awareness;
 *   <li>Art. 87(3): any other serious incident, at the latest 15 days after awareness.
 * </ul>
 *
 * <p>Applies to incidents in the EU/EEA, Turkey (which applies the MDR) and Switzerland (same deadlines
 * under its own ordinance); an incident without a country is assumed to be in scope (when in doubt,
 * report). Days are calendar days counted as exact 24-hour periods from the awareness instant (UTC), so a
 * daylight saving change never shortens or lengthens a deadline.
 */
public final class EuMdrReportability {

    static final Set<String> COUNTRIES = Set.of(
            // EU 27
            "AT",
            "BE",
            "BG",
            "HR",
            "CY",
            "CZ",
            "DK",
            "EE",
            "FI",
            "FR",
            "DE",
            "GR",
            "HU",
            "IE",
            "IT",
            "LV",
            "LT",
            "LU",
            "MT",
            "NL",
            "PL",
            "PT",
            "RO",
            "SK",
            "SI",
            "ES",
            "SE",
            // EEA
            "IS",
            "LI",
            "NO",
            // apply the MDR or its deadlines
            "TR",
            "CH");

    private EuMdrReportability() {}

    public static ReportingDuty assess(Incident incident) {
        if (incident.country() != null && !COUNTRIES.contains(incident.country())) {
            return new NotReportable(
                    ReportingDuty.EU_MDR,
                    "Art. 87: incident outside the EU/EEA, Turkey and Switzerland; reportable only if it leads"
                            + " to an FSCA concerning devices on the Union market");
        }
        if (!incident.serious()) {
            return new NotReportable(
                    ReportingDuty.EU_MDR,
                    "Art. 2(65): not a serious incident; recorded for trend reporting under Art. 88");
        }
        if (incident.publicHealthThreat()) {
            return due("Art. 87(4)", 2, incident);
        }
        if (incident.outcome() == PatientOutcome.DEATH || !incident.anticipated()) {
            return due("Art. 87(5)", 10, incident);
        }
        return due("Art. 87(3)", 15, incident);
    }

    private static Reportable due(String basis, int days, Incident incident) {
        return new Reportable(ReportingDuty.EU_MDR, basis, incident.awareAt().plus(Duration.ofDays(days)));
    }
}
