package org.fieldsafety.triage.imdrf;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The annexes of the IMDRF Adverse Event Terminology (IMDRF/AE WG N43): each is a code table whose codes
 * start with the annex letter, followed by two digits per level (Annex G: three digits on its second level).
 */
public enum ImdrfAnnex {
    /** Medical device problem. */
    A,
    /** Cause investigation: type of investigation. */
    B,
    /** Cause investigation: investigation findings. */
    C,
    /** Cause investigation: investigation conclusion. */
    D,
    /** Health effects: clinical signs, symptoms and conditions. */
    E,
    /** Health effects: health impact. */
    F,
    /** Medical device component. */
    G;

    private static final Pattern CODE = Pattern.compile("[A-G]\\d{2}(\\d{2,3}(\\d{2})?)?");

    /** The annex a code belongs to, or null when the text is not shaped like an IMDRF code. */
    public static ImdrfAnnex ofCode(String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            return null;
        }
        return valueOf(code.substring(0, 1));
    }

    /** The annex named by its letter in either case (a path segment); anything else is not an annex. */
    public static ImdrfAnnex fromString(String letter) {
        return valueOf(letter.strip().toUpperCase(Locale.ROOT));
    }
}
