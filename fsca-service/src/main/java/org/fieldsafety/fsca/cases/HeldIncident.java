package org.fieldsafety.fsca.cases;

import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * What an FSCA case holds of one of its incidents between commands: what its rules and its notices read, no
 * more. A problem reported across a fleet puts 100,000 incidents in one case; the whole record of each, with
 * its follow-ups and the history of its clocks, is in the case's events and the read model.
 *
 * @param finding what the case's notices name of the incident, as of its latest report
 */
record HeldIncident(
        String reportId,
        Instant awareAt,
        String country,
        boolean seriousIncident,
        FieldSafetyNotice.Finding finding,
        List<ReportingClock> clocks) {

    HeldIncident {
        clocks = List.copyOf(clocks);
    }

    static HeldIncident of(Incident incident) {
        return new HeldIncident(
                incident.reportId(),
                incident.awareAt(),
                incident.country(),
                incident.seriousIncident(),
                incident.finding(),
                incident.clocks());
    }

    HeldIncident withClocks(List<ReportingClock> next) {
        return new HeldIncident(reportId, awareAt, country, seriousIncident, finding, next);
    }

    /**
     * This incident after a follow-up report ({@link Incident#followedUp}): the follow-up's findings and
     * {@code next} as the clocks; the first awareness and report id stay.
     */
    HeldIncident followedUp(Incident followUp, List<ReportingClock> next) {
        return new HeldIncident(
                reportId, awareAt, followUp.country(), followUp.seriousIncident(), followUp.finding(), next);
    }

    /** This incident with the clock of {@code regime} changed by {@code change}. */
    HeldIncident withClock(String regime, UnaryOperator<ReportingClock> change) {
        return withClocks(ReportingClock.changed(clocks, regime, change));
    }
}
