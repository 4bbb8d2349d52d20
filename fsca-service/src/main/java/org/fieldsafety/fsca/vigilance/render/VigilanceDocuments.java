package org.fieldsafety.fsca.vigilance.render;

import java.util.Locale;
import org.fieldsafety.fsca.vigilance.FdaReportType;
import org.fieldsafety.fsca.vigilance.SubmissionFormat;
import org.fieldsafety.fsca.vigilance.VigilanceReportDocument;
import org.fieldsafety.platform.domain.InvalidInput;

/**
 * The documents a regulator takes for a vigilance report: the submission file (XML, checked against its
 * schema) and a human-readable PDF of the authority's form, both from one filled-in form so they always
 * agree. Which form answers which duty is {@link SubmissionFormat}'s rule. No clock, database or network.
 */
public final class VigilanceDocuments {

    /** A rendered document and how to serve it. */
    public record Rendition(SubmissionFormat format, String mediaType, String fileName, byte[] content) {}

    private final FdaCodes fdaCodes;

    public VigilanceDocuments() {
        this(FdaCodes.shipped());
    }

    VigilanceDocuments(FdaCodes fdaCodes) {
        this.fdaCodes = fdaCodes;
    }

    /** The submission file; 400 when the authority takes no file or the report lacks what its schema requires. */
    public Rendition xml(VigilanceReportDocument document) {
        SubmissionFormat format = format(document);
        if (!format.hasXml()) {
            throw new InvalidInput(
                    "no-submission-file",
                    "The " + document.administrative().regime() + " authority takes the completed form, not a file:"
                            + " ask for the PDF");
        }
        Form form = form(format, document);
        byte[] xml = format == SubmissionFormat.US_EMDR
                ? Hl7IcsrXml.write(
                        form,
                        document.administrative().reportId(),
                        document.administrative().reportDate(),
                        FdaReportType.of(document.administrative().kind()).label())
                : FormXml.write(form);
        Schemas.validate(format, xml);
        return new Rendition(format, "application/xml", fileName(document, format, "xml"), xml);
    }

    /** The human-readable rendering of the authority's form. */
    public Rendition pdf(VigilanceReportDocument document) {
        SubmissionFormat format = format(document);
        byte[] pdf =
                FormPdf.write(form(format, document), document.administrative().reportId());
        return new Rendition(format, "application/pdf", fileName(document, format, "pdf"), pdf);
    }

    Form form(SubmissionFormat format, VigilanceReportDocument document) {
        return switch (format) {
            case EU_MIR, UK_MIR ->
                MirForm.of(document, document.administrative().regime());
            case EU_FSCA, UK_FSCA ->
                FscaReportForm.of(document, document.administrative().regime());
            case EU_TREND, UK_TREND ->
                TrendReportForm.of(document, document.administrative().regime());
            case EU_PSR -> PeriodicSummaryReportForm.of(document);
            case US_EMDR -> Form3500A.of(document, fdaCodes);
            case US_CORRECTION_REMOVAL -> CorrectionRemovalForm.of(document);
            case CA_PROBLEM_REPORT, AU_ADVERSE_EVENT ->
                SharedFieldsForm.of(document, document.administrative().regime());
        };
    }

    private static SubmissionFormat format(VigilanceReportDocument document) {
        return SubmissionFormat.of(
                document.administrative().regime(), document.administrative().kind());
    }

    private static String fileName(VigilanceReportDocument document, SubmissionFormat format, String extension) {
        return document.administrative().reportId() + "-" + format.name().toLowerCase(Locale.ROOT) + "." + extension;
    }
}
