package org.fieldsafety.fsca.vigilance.periodic;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.fieldsafety.fsca.vigilance.CodedTerm;
import org.fieldsafety.fsca.vigilance.Regime;

/**
 * What the manufacturer and the coordinating competent authority agreed for periodic summary reporting:
 * which incidents (the regime, the product and the problem as the FSCA cases key them, described by its IMDRF
 * Annex A device problem codes), how often ({@code frequency}, an ISO-8601 period such as {@code P1M} or
 * {@code P3M}, counted from {@code firstPeriodStart}), with which authority under which reference, and when.
 *
 * @param deviceProblems the agreed problem's IMDRF Annex A codes with their term and release, as the summary
 *     reports them
 */
public record AgreementTerms(
        Regime regime,
        String productId,
        String problemId,
        List<CodedTerm> deviceProblems,
        String frequency,
        LocalDate firstPeriodStart,
        String competentAuthority,
        String authorityReference,
        Instant agreedAt) {

    public AgreementTerms {
        deviceProblems = deviceProblems == null ? List.of() : List.copyOf(deviceProblems);
    }
}
