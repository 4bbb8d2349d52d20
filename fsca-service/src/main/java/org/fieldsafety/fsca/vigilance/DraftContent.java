package org.fieldsafety.fsca.vigilance;

import java.util.List;

/**
 * What regulatory affairs adds to a draft before it is submitted: the narrative, the IMDRF codes of the
 * incident (Annex A device problems, E clinical signs, F health impacts) and the investigation (Annexes B,
 * C, D and G), each code as it was validated, with its release.
 */
public record DraftContent(
        String narrative,
        List<CodedTerm> deviceProblems,
        List<CodedTerm> clinicalSigns,
        List<CodedTerm> healthImpacts,
        VigilanceReportDocument.Investigation investigation) {

    public static final DraftContent EMPTY = new DraftContent(null, List.of(), List.of(), List.of(), null);

    public DraftContent {
        deviceProblems = deviceProblems == null ? List.of() : List.copyOf(deviceProblems);
        clinicalSigns = clinicalSigns == null ? List.of() : List.copyOf(clinicalSigns);
        healthImpacts = healthImpacts == null ? List.of() : List.copyOf(healthImpacts);
    }
}
