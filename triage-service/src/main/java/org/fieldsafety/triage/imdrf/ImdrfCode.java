package org.fieldsafety.triage.imdrf;

/** One term of an IMDRF annex as a release defines it; the code names its annex. */
public record ImdrfCode(String code, String term, String release) {

    public ImdrfAnnex annex() {
        return ImdrfAnnex.ofCode(code);
    }
}
