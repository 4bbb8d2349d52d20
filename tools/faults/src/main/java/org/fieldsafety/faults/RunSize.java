package org.fieldsafety.faults;

/**
 * How big a run is: the full run, or the smoke run that CI does so that the suite cannot rot.
 *
 * @param reports field reports sent per run
 * @param reportsPerSecond the rate of the runs that kill something: below what the system keeps up with
 *     on two cores, so that back to steady state means the backlog of the outage worked off (a load as
 *     fast as intake answers builds a backlog anyway, and the lag never came back to its level before)
 * @param killsPerService how often each service is killed in the kill-services scenario
 * @param malformed generated malformed requests
 */
record RunSize(String name, int reports, int reportsPerSecond, int killsPerService, int malformed) {

    static final RunSize FULL = new RunSize("full", 100_000, 200, 3, 10_000);
    static final RunSize SMOKE = new RunSize("smoke", 2_000, 100, 1, 1_000);

    /** One poison message per hundred reports on each consumed topic (1 %). */
    int poisonPerTopic() {
        return Math.max(3, reports / 100);
    }
}
