package org.fieldsafety.contracts;

import java.util.List;

/** The CloudEvent types of a workflow's milestones: {@code org.fieldsafety.<milestone>.v1}, each its own. */
final class MilestoneTypes {

    private MilestoneTypes() {}

    static List<String> of(List<String> milestones) {
        return milestones.stream()
                .map(milestone -> "org.fieldsafety." + milestone + ".v1")
                .toList();
    }

    /** The type of {@code milestone}, one of {@code milestones}; {@code workflow} names them in the error. */
    static String of(List<String> milestones, String milestone, String workflow) {
        if (!milestones.contains(milestone)) {
            throw new IllegalArgumentException("not a " + workflow + " milestone: " + milestone);
        }
        return "org.fieldsafety." + milestone + ".v1";
    }
}
