package org.fieldsafety.fsca.cases;

import java.util.List;

/**
 * The cases not yet closed, counted by product and status ({@link FscaCaseService#openCases}).
 *
 * @param groups one per product and status that has an open case
 */
public record OpenCases(List<Group> groups) {

    /** @param versions the sum of the group's case versions (every event raises its case's version) */
    public record Group(String productId, CaseStatus status, long count, long versions) {}

    public OpenCases {
        groups = List.copyOf(groups);
    }

    /** The products that have an open case, in alphabetical order: what the queue filters by. */
    public List<String> products() {
        return groups.stream().map(Group::productId).distinct().sorted().toList();
    }

    /** How many open cases are of {@code productId} and in {@code status} (null: any). */
    public long count(String productId, CaseStatus status) {
        return groups.stream()
                .filter(g -> productId == null || productId.equals(g.productId()))
                .filter(g -> status == null || status == g.status())
                .mapToLong(Group::count)
                .sum();
    }

    /**
     * A fingerprint of the open cases that changes whenever one changes, a case opens or one closes: how many
     * there are and the sum of their versions.
     */
    public String version() {
        return count(null, null) + "-"
                + groups.stream().mapToLong(Group::versions).sum();
    }
}
