package org.fieldsafety.changecontrol.change;

import java.util.List;
import java.util.Optional;
import org.fieldsafety.platform.domain.RuleViolation;

/**
 * How much verification evidence a change needs before release, by the safety class of each affected
 * software item (IEC 62304 8.2.3, 9.8; classes from the impact analysis, unclassified = C):
 *
 * <table>
 *   <caption>Evidence per safety class</caption>
 *   <tr><th>class</th><th>evidence required</th></tr>
 *   <tr><td>A</td><td>at least one verification record for the change</td></tr>
 *   <tr><td>B</td><td>at least one record naming each affected class B item</td></tr>
 *   <tr><td>C</td><td>at least one record naming each affected class C item, and
 *       {@code regressionTestsRepeated = true} (the invalidated verification was repeated)</td></tr>
 * </table>
 */
public final class VerificationEvidence {

    private VerificationEvidence() {}

    /** What evidence is missing, as the rule the verification breaks; empty when the verification suffices. */
    public static Optional<RuleViolation> shortfall(ImpactAnalysis analysis, Verification verification) {
        List<Verification.Record> records = verification.records();
        if (records == null || records.isEmpty()) {
            return missing("IEC 62304 8.2.3 / 9.8", "a change is verified with at least one test record");
        }
        for (String item : analysis.affectedItems()) {
            SafetyClass safetyClass = analysis.classOf(item);
            if (safetyClass == SafetyClass.A) {
                continue;
            }
            if (records.stream().noneMatch(r -> item.equals(r.softwareItem()))) {
                return missing(
                        "IEC 62304 8.2.3 / 9.8",
                        "class " + safetyClass + " needs a test record for each affected item; none for " + item);
            }
            if (safetyClass == SafetyClass.C && !verification.regressionTestsRepeated()) {
                return missing(
                        "IEC 62304 8.2.3",
                        "class C needs the invalidated verification repeated (regressionTestsRepeated) for " + item);
            }
        }
        return Optional.empty();
    }

    private static Optional<RuleViolation> missing(String clause, String detail) {
        return Optional.of(new RuleViolation("insufficient-verification", clause, detail));
    }
}
