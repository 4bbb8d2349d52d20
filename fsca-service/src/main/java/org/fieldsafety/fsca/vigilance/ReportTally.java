package org.fieldsafety.fsca.vigilance;

import java.util.List;

/**
 * The vigilance reports counted by status ({@link VigilanceReportService#tally}).
 *
 * @param groups one per status that has a report
 */
public record ReportTally(List<Group> groups) {

    /** @param versions the sum of the group's report versions (every event raises its report's version) */
    public record Group(VigilanceReportStatus status, long count, long versions) {}

    public ReportTally {
        groups = List.copyOf(groups);
    }

    /** How many reports are in {@code status}. */
    public long count(VigilanceReportStatus status) {
        return groups.stream()
                .filter(g -> g.status() == status)
                .mapToLong(Group::count)
                .sum();
    }

    /**
     * A fingerprint of all reports that changes whenever one is drafted or changes: how many there are and
     * the sum of their versions.
     */
    public String version() {
        return groups.stream().mapToLong(Group::count).sum() + "-"
                + groups.stream().mapToLong(Group::versions).sum();
    }
}
