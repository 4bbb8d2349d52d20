package org.fieldsafety.faults;

/**
 * How big a run is: the full run, or the smoke run that CI does so that the suite cannot rot.
 *
 * @param reports field reports sent per run
 * @param killsPerService how often each service is killed in the kill-services scenario
 * @param malformed generated malformed requests
 */
record RunSize(String name, int reports, int killsPerService, int malformed) {

    static final RunSize FULL = new RunSize("full", 100_000, 3, 10_000);
    static final RunSize SMOKE = new RunSize("smoke", 2_000, 1, 1_000);

    /** One poison message per hundred reports on each consumed topic (1 %). */
    int poisonPerTopic() {
        return Math.max(3, reports / 100);
    }
}
