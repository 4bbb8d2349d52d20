package org.fieldsafety.changecontrol.problem;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.fieldsafety.platform.domain.RuleViolation;
import org.fieldsafety.platform.domain.SoftwareVersion;

/**
 * The evidence that a problem has not recurred in the field on its fix, as checked at {@code checkedAt}:
 * the fixed release, the window it has been in the field for, and the reports of the problem since the
 * release (all on older versions, which devices not yet updated still run).
 *
 * @param reportsSinceRelease the ids of the reports of the problem triaged since the release, none of
 *     them on the fixed version or later
 */
public record NoRecurrence(
        FixedRelease fixedRelease,
        @JsonFormat(shape = JsonFormat.Shape.STRING) Duration window,
        Instant checkedAt,
        List<String> reportsSinceRelease) {

    /**
     * IEC 62304 9.7 (verify the resolution, docs/regulatory-rules.md): a problem is resolved
     * in the field only when its fixed version has been released for at least {@code window} and no report
     * of the problem on that version or a later one was triaged since the release.
     *
     * <table>
     *   <caption>Outcome by facts</caption>
     *   <tr><th>facts at {@code now}</th><th>outcome</th></tr>
     *   <tr><td>now before releasedAt + window</td><td>409 {@code recurrence-window-open}</td></tr>
     *   <tr><td>a report triaged at or after releasedAt on the fixed version, a later one or an
     *       unnamed one</td><td>409 {@code problem-recurred}, naming the report</td></tr>
     *   <tr><td>reports since the release only on older versions, or none</td><td>the evidence</td></tr>
     * </table>
     *
     * A report that names no version may run the fixed one, so it counts as a recurrence.
     */
    public static NoRecurrence verify(FixedRelease release, List<FieldReport> reports, Duration window, Instant now) {
        Instant windowEnds = release.releasedAt().plus(window);
        if (now.isBefore(windowEnds)) {
            throw new RuleViolation(
                    "recurrence-window-open",
                    "IEC 62304 9.7",
                    "version " + release.version() + " was released at " + release.releasedAt()
                            + "; it must be in the field without recurrence for " + window + ", until "
                            + windowEnds);
        }
        List<FieldReport> sinceRelease = reports.stream()
                .filter(report -> !report.triagedAt().isBefore(release.releasedAt()))
                .sorted(Comparator.comparing(FieldReport::triagedAt).thenComparing(FieldReport::reportId))
                .toList();
        Optional<FieldReport> recurrence =
                sinceRelease.stream().filter(report -> runsFix(report, release)).findFirst();
        if (recurrence.isPresent()) {
            FieldReport report = recurrence.get();
            throw new RuleViolation(
                    "problem-recurred",
                    "IEC 62304 9.7",
                    "the problem recurred on the fixed version: report " + report.reportId()
                            + " on version " + report.softwareVersion() + ", triaged at " + report.triagedAt()
                            + ", after version " + release.version() + " was released at " + release.releasedAt());
        }
        return new NoRecurrence(
                release,
                window,
                now,
                sinceRelease.stream().map(FieldReport::reportId).toList());
    }

    /**
     * Whether a report of the problem is a recurrence on {@code release}: triaged since the release, on its
     * version, a later one or an unnamed one.
     */
    public static boolean isRecurrence(FieldReport report, FixedRelease release) {
        return !report.triagedAt().isBefore(release.releasedAt()) && runsFix(report, release);
    }

    private static boolean runsFix(FieldReport report, FixedRelease release) {
        return report.softwareVersion() == null
                || report.softwareVersion().isBlank()
                || SoftwareVersion.compare(report.softwareVersion(), release.version()) >= 0;
    }
}
