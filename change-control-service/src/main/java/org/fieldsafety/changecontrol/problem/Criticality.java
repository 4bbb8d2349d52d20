package org.fieldsafety.changecontrol.problem;

/**
 * A problem report's statement of criticality (IEC 62304 9.1): how far the problem affects performance,
 * safety or security, as a level and in words.
 */
public record Criticality(Level level, String statement) {

    public enum Level {
        LOW,
        MEDIUM,
        HIGH
    }

    /**
     * The criticality of a problem triage detected, from its ISO 14971 estimate (severity 1-5, risk region):
     *
     * <table>
     *   <caption>Level by severity and risk region</caption>
     *   <tr><th>severity (1-5) or risk region</th><th>level</th></tr>
     *   <tr><td>severity 4-5 (critical, catastrophic) or UNACCEPTABLE</td><td>HIGH</td></tr>
     *   <tr><td>severity 3 (serious) or REVIEW</td><td>MEDIUM</td></tr>
     *   <tr><td>otherwise</td><td>LOW</td></tr>
     * </table>
     */
    public static Criticality fromRisk(int severity, String riskRegion, String hazard, String safetyClass) {
        Level level;
        if (severity >= 4 || "UNACCEPTABLE".equals(riskRegion)) {
            level = Level.HIGH;
        } else if (severity == 3 || "REVIEW".equals(riskRegion)) {
            level = Level.MEDIUM;
        } else {
            level = Level.LOW;
        }
        return new Criticality(
                level,
                "Safety: hazard " + hazard + ", severity " + severity + ", risk region " + riskRegion
                        + ", software safety class " + safetyClass);
    }
}
