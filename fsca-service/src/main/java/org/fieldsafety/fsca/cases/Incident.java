package org.fieldsafety.fsca.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.fieldsafety.contracts.ReportTriaged.ImdrfTerm;

/**
 * A triaged report attached to a case: what triage found and the reporting clocks, one per regime. The
 * clocks run from {@code awareAt}, the manufacturer's first awareness (MDR Art. 87, 21 CFR 803.50). A
 * follow-up report (one whose {@code followUpOf} names this incident's report) updates the incident: its
 * findings replace these, it is listed in {@code followUps}, and every clock it changes goes to {@code
 * clockHistory} as it was.
 *
 * @param followUpOf the report that first told of the event this one brings new information on (triage's
 *     {@code originalReportId}); null for a new event
 * @param patientOutcome the outcome for the patient as reported (intake's values: DEATH, SERIOUS_INJURY, ...);
 *     null in events from before it was recorded
 * @param imdrf the IMDRF codes the hazard catalogue gives the fault and its harm, with their release (triage's);
 *     empty in events from before they were recorded
 */
public record Incident(
        String reportId,
        Instant awareAt,
        String softwareItem,
        String softwareVersion,
        String faultCode,
        String country,
        String safetyClass,
        String hazard,
        int severity,
        int probability,
        String riskRegion,
        boolean seriousIncident,
        List<ReportingClock> clocks,
        String followUpOf,
        List<FollowUp> followUps,
        List<ReportingClock.Change> clockHistory,
        String patientOutcome,
        List<ImdrfTerm> imdrf) {

    public Incident {
        imdrf = imdrf == null ? List.of() : List.copyOf(imdrf);
        clocks = clocks == null ? List.of() : List.copyOf(clocks);
        followUps = followUps == null ? List.of() : List.copyOf(followUps);
        clockHistory = clockHistory == null ? List.of() : List.copyOf(clockHistory);
    }

    /** A follow-up report merged into the incident, and when the manufacturer became aware of it. */
    public record FollowUp(String reportId, Instant awareAt) {}

    /** What a Field Safety Notice names of this incident. */
    public FieldSafetyNotice.Finding finding() {
        return new FieldSafetyNotice.Finding(softwareItem, softwareVersion, faultCode, hazard);
    }

    /** The clock of {@code regime}, if the incident has one. */
    public Optional<ReportingClock> clock(String regime) {
        return ReportingClock.of(clocks, regime);
    }

    /** The running clock that runs out first, or null when no clock runs. */
    public ReportingClock nearestClock() {
        return clocks.stream()
                .filter(ReportingClock::running)
                .min(Comparator.comparing(ReportingClock::deadline))
                .orElse(null);
    }

    /**
     * This incident with {@code next} as its clocks: each clock that {@code next} changes or drops goes to the
     * history as it was until {@code at}, replaced for {@code reason}.
     */
    public Incident withClocks(List<ReportingClock> next, String reason, Instant at) {
        Map<String, ReportingClock> byRegime =
                next.stream().collect(Collectors.toMap(ReportingClock::regime, Function.identity()));
        List<ReportingClock.Change> history = new ArrayList<>(clockHistory);
        clocks.stream()
                .filter(old -> !old.equals(byRegime.get(old.regime())))
                .forEach(old -> history.add(new ReportingClock.Change(old, reason, at)));
        return new Incident(
                reportId,
                awareAt,
                softwareItem,
                softwareVersion,
                faultCode,
                country,
                safetyClass,
                hazard,
                severity,
                probability,
                riskRegion,
                seriousIncident,
                next,
                followUpOf,
                followUps,
                history,
                patientOutcome,
                imdrf);
    }

    /** This incident with the clock of {@code regime} changed by {@code change}. */
    public Incident withClock(String regime, UnaryOperator<ReportingClock> change, String reason, Instant at) {
        return withClocks(ReportingClock.changed(clocks, regime, change), reason, at);
    }

    /**
     * This incident after a follow-up report: the follow-up's findings, its own report listed, and {@code
     * next} as the clocks (the history keeps what they replace). The first awareness and report id stay.
     */
    public Incident followedUp(Incident followUp, List<ReportingClock> next) {
        List<FollowUp> all = new ArrayList<>(followUps);
        all.add(new FollowUp(followUp.reportId(), followUp.awareAt()));
        return new Incident(
                        reportId,
                        awareAt,
                        followUp.softwareItem(),
                        followUp.softwareVersion(),
                        followUp.faultCode(),
                        followUp.country(),
                        followUp.safetyClass(),
                        followUp.hazard(),
                        followUp.severity(),
                        followUp.probability(),
                        followUp.riskRegion(),
                        followUp.seriousIncident(),
                        clocks,
                        followUpOf,
                        all,
                        clockHistory,
                        followUp.patientOutcome() == null ? patientOutcome : followUp.patientOutcome(),
                        followUp.imdrf())
                .withClocks(next, "follow-up report " + followUp.reportId(), followUp.awareAt());
    }
}
