package org.fieldsafety.fsca.cases;

public enum CaseStatus {
    OPEN,
    DECIDED
}
