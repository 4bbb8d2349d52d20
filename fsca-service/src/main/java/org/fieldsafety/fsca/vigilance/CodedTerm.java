package org.fieldsafety.fsca.vigilance;

/**
 * An IMDRF Adverse Event Terminology code as it was recorded: the code, its term and the release it was
 * coded with (triage-service validates codes against its loaded releases).
 */
public record CodedTerm(String code, String term, String release) {}
