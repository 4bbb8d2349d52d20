package org.fieldsafety.triage.classification;

import java.time.Instant;
import org.fieldsafety.contracts.FieldReportReceived.PatientOutcome;

/**
 * The facts triage established about one report that the reporting rules decide on.
 *
 * @param awareAt the manufacturer's awareness (intake's receipt), from which every deadline runs
 * @param country ISO 3166-1 alpha-2 of the incident, null when not reported
 * @param anticipated the fault is in the product's hazard catalogue (considered in the risk analysis)
 * @param marketedInUs the device is marketed in the US (true when the registry does not say otherwise)
 */
public record Incident(
        Instant awareAt,
        String country,
        PatientOutcome outcome,
        boolean serious,
        boolean anticipated,
        boolean publicHealthThreat,
        boolean marketedInUs) {}
