package org.fieldsafety.fsca.cases;

/** A person's decision on a proposed reporting duty (MDR Art. 87, MDCG 2023-3; 21 CFR 803). */
public enum Reportability {
    REPORTABLE,
    NOT_REPORTABLE
}
