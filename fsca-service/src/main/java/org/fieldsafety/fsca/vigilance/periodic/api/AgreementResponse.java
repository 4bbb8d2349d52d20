package org.fieldsafety.fsca.vigilance.periodic.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.fieldsafety.fsca.vigilance.CodedTerm;
import org.fieldsafety.fsca.vigilance.Regime;
import org.fieldsafety.fsca.vigilance.periodic.query.PeriodicSummaryAgreementView;
import org.fieldsafety.platform.signature.Signature;

/** A periodic summary reporting agreement as the API shows it; {@code endedAt} null while it is live. */
public record AgreementResponse(
        String id,
        Regime regime,
        String productId,
        String problemId,
        List<CodedTerm> deviceProblems,
        String frequency,
        LocalDate firstPeriodStart,
        String competentAuthority,
        String authorityReference,
        Instant agreedAt,
        Signature signature,
        Instant endedAt,
        String endReason,
        Signature endSignature) {

    static AgreementResponse of(PeriodicSummaryAgreementView view) {
        return new AgreementResponse(
                view.agreementId,
                view.regime,
                view.productId,
                view.problemId,
                view.details.deviceProblems,
                view.frequency,
                view.firstPeriodStart,
                view.competentAuthority,
                view.authorityReference,
                view.agreedAt,
                view.details.signature,
                view.endedAt,
                view.details.endReason,
                view.details.endSignature);
    }
}
