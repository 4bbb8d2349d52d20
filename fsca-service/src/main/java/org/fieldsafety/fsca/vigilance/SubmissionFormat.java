package org.fieldsafety.fsca.vigilance;

import org.fieldsafety.platform.domain.InvalidInput;

/**
 * Which document an authority takes for which duty: in the EU the Manufacturer Incident Report for a
 * serious incident (MDR Art. 87(1)(a)), the manufacturer's FSCA report (Art. 87(1)(b), 89) and the trend
 * report (Art. 88); in the US the eMDR for 5-day, 30-day and supplemental reports (21 CFR 803.50, 803.53,
 * 803.56) and the correction or removal report, which an FSCA in the US is (21 CFR 806.10); in Great
 * Britain the GB MIR, FSCA and trend reports (UK MDR 2002 Part 4A); in Canada the mandatory problem report
 * (SOR/98-282 s. 59-61) and in Australia the adverse event report (TGA Regulations 2002 reg. 5.7); the
 * periodic summary report of incidents agreed with the coordinating authority exists in the EU only
 * (MDR Art. 87(9)). A duty without a document here (a Canadian or Australian recall) is refused, never
 * sent in another's format.
 */
public enum SubmissionFormat {
    EU_MIR(true),
    EU_FSCA(true),
    EU_TREND(true),
    EU_PSR(true),
    US_EMDR(true),
    US_CORRECTION_REMOVAL(true),
    UK_MIR(true),
    UK_FSCA(true),
    UK_TREND(true),
    CA_PROBLEM_REPORT(false),
    AU_ADVERSE_EVENT(false);

    private final boolean xml;

    SubmissionFormat(boolean xml) {
        this.xml = xml;
    }

    /** Whether the authority takes a structured file; the others take the completed form. */
    public boolean hasXml() {
        return xml;
    }

    public static SubmissionFormat of(Regime regime, VigilanceReportKind kind) {
        SubmissionFormat format =
                switch (regime) {
                    case EU_MDR ->
                        kind == VigilanceReportKind.PERIODIC_SUMMARY
                                ? EU_PSR
                                : incidentFscaOrTrend(kind, EU_MIR, EU_FSCA, EU_TREND);
                    case UK_MHRA -> incidentFscaOrTrend(kind, UK_MIR, UK_FSCA, UK_TREND);
                    case US_FDA ->
                        switch (kind) {
                            case FSCA, CORRECTION_REMOVAL -> US_CORRECTION_REMOVAL;
                            case TREND, PERIODIC_SUMMARY -> null;
                            default -> US_EMDR;
                        };
                    case CA_HC -> incident(kind) ? CA_PROBLEM_REPORT : null;
                    case AU_TGA -> incident(kind) ? AU_ADVERSE_EVENT : null;
                };
        if (format == null) {
            throw new InvalidInput("no-vigilance-form", "No " + regime + " document is made for a " + kind + " report");
        }
        return format;
    }

    private static SubmissionFormat incidentFscaOrTrend(
            VigilanceReportKind kind, SubmissionFormat incident, SubmissionFormat fsca, SubmissionFormat trend) {
        return switch (kind) {
            case FSCA -> fsca;
            case TREND -> trend;
            case CORRECTION_REMOVAL, PERIODIC_SUMMARY -> null;
            default -> incident;
        };
    }

    private static boolean incident(VigilanceReportKind kind) {
        return switch (kind) {
            case FSCA, TREND, CORRECTION_REMOVAL, PERIODIC_SUMMARY -> false;
            default -> true;
        };
    }
}
