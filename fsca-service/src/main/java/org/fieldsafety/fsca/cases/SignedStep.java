package org.fieldsafety.fsca.cases;

import java.util.Locale;
import org.fieldsafety.platform.domain.InvalidInput;
import org.fieldsafety.platform.signature.Signature;
import org.fieldsafety.platform.signature.SignatureMeaning;

/**
 * The signed steps of a case and the meaning each is signed with (21 CFR 11.50(a)(3): a signature states
 * its meaning): the health hazard assessment is a review, the decision, a reportability decision and the
 * closure are approvals, and a Field Safety Notice is signed by its author.
 */
public enum SignedStep {
    ASSESSMENT(SignatureMeaning.REVIEW),
    DECISION(SignatureMeaning.APPROVAL),
    REPORTABILITY(SignatureMeaning.APPROVAL),
    FIELD_SAFETY_NOTICE(SignatureMeaning.AUTHORSHIP),
    CLOSURE(SignatureMeaning.APPROVAL);

    private final SignatureMeaning meaning;

    SignedStep(SignatureMeaning meaning) {
        this.meaning = meaning;
    }

    public SignatureMeaning meaning() {
        return meaning;
    }

    /** @throws InvalidInput when {@code signature} is missing or means something else */
    public void require(Signature signature) {
        if (signature == null || signature.meaning() != meaning) {
            throw new InvalidInput(
                    "signature-meaning",
                    "21 CFR 11.50(a)(3)",
                    "a " + name().toLowerCase(Locale.ROOT).replace('_', ' ') + " is signed with the meaning " + meaning
                            + (signature == null ? "" : ", not " + signature.meaning()));
        }
    }
}
