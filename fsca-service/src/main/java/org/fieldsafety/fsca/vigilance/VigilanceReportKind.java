package org.fieldsafety.fsca.vigilance;

/** What a vigilance report is, per duty. */
public enum VigilanceReportKind {
    /** The first report of an incident (MDR Art. 87(1)(a); 21 CFR 803.50). */
    INITIAL,
    /** More information on a reported incident (MDR Art. 87(6)). */
    FOLLOW_UP,
    /** The outcome of the investigation (MDR Art. 89(5)). */
    FINAL,
    /** New or changed information after an FDA report (21 CFR 803.56). */
    SUPPLEMENTAL,
    /** An event that needs remedial action against an unreasonable risk to public health (21 CFR 803.53). */
    FIVE_DAY,
    /** A correction or removal to reduce a risk to health (21 CFR 806.10). */
    CORRECTION_REMOVAL,
    /** A field safety corrective action (MDR Art. 87(1)(b), Art. 89). */
    FSCA,
    /** A statistically significant increase of incidents (MDR Art. 88). */
    TREND,
    /** One period's summary of similar serious incidents agreed with the competent authority (MDR Art. 87(9)). */
    PERIODIC_SUMMARY
}
