package org.fieldsafety.triage.classification;

/** ISO 14971 clause 7 risk evaluation: the acceptability region of an estimated risk. */
public enum RiskRegion {
    ACCEPTABLE,
    REVIEW,
    UNACCEPTABLE
}
