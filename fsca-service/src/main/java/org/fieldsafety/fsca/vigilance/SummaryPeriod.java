package org.fieldsafety.fsca.vigilance;

import java.time.LocalDate;
import java.util.List;

/**
 * What a periodic summary report answers (MDR Art. 87(9)): the agreement (this system's id, the coordinating
 * competent authority and its reference), the period (numbered from 1, its first and last day) and the day
 * its summary is due, and the agreed problem's IMDRF Annex A codes.
 */
public record SummaryPeriod(
        String agreementId,
        String competentAuthority,
        String authorityReference,
        int number,
        LocalDate firstDay,
        LocalDate lastDay,
        LocalDate dueOn,
        List<CodedTerm> deviceProblems) {

    public SummaryPeriod {
        deviceProblems = deviceProblems == null ? List.of() : List.copyOf(deviceProblems);
    }

    /** One incident a periodic summary report lists: the case it is attached to and its report id. */
    public record Listed(String caseId, String incidentReportId) {}
}
