package org.fieldsafety.fsca.vigilance;

import org.fieldsafety.platform.domain.InvalidInput;
import org.fieldsafety.platform.domain.RuleViolation;

/**
 * The type of report in field 1.2e of the Manufacturer Incident Report (MIR form 7.3.1), decided by the
 * report's kind and the state of the investigation. A first report whose investigation is already
 * concluded is the combined initial and final report; otherwise the first report is initial and may be
 * incomplete, followed by follow-up reports (MDR Art. 87(6)); the final report states the investigation's
 * findings and conclusion (MDR Art. 89(5)), so it is refused while the investigation is not concluded.
 * An investigation is concluded once it has a conclusion (IMDRF Annex D) other than "Conclusion Not Yet
 * Available" (D16) and no finding "Results Pending Completion of Investigation" (C21).
 */
public enum MirReportType {
    INITIAL("Initial"),
    FOLLOW_UP("Follow up"),
    COMBINED("Combined initial and final"),
    FINAL("Final (Reportable incident)");

    static final String CONCLUSION_NOT_YET_AVAILABLE = "D16";
    static final String RESULTS_PENDING = "C21";

    private final String label;

    MirReportType(String label) {
        this.label = label;
    }

    /** The words of the form's check box. */
    public String label() {
        return label;
    }

    /** The type of an incident report of this kind; a kind that is not an incident report has none. */
    public static MirReportType of(VigilanceReportKind kind, VigilanceReportDocument.Investigation investigation) {
        boolean concluded = concluded(investigation);
        return switch (kind) {
            case INITIAL -> concluded ? COMBINED : INITIAL;
            case FOLLOW_UP -> FOLLOW_UP;
            case FINAL -> {
                if (!concluded) {
                    throw new RuleViolation(
                            "investigation-not-concluded",
                            "MDR Art. 89(5)",
                            "a final report states the investigation's conclusion; code the conclusion (IMDRF"
                                    + " Annex D) first");
                }
                yield FINAL;
            }
            default ->
                throw new InvalidInput(
                        "not-an-incident-report", "A " + kind + " report is not a Manufacturer Incident Report");
        };
    }

    /** Concluded: a conclusion other than D16 and no finding C21. */
    public static boolean concluded(VigilanceReportDocument.Investigation investigation) {
        return investigation != null
                && !investigation.conclusions().isEmpty()
                && investigation.conclusions().stream().noneMatch(c -> CONCLUSION_NOT_YET_AVAILABLE.equals(c.code()))
                && investigation.findings().stream().noneMatch(c -> RESULTS_PENDING.equals(c.code()));
    }
}
