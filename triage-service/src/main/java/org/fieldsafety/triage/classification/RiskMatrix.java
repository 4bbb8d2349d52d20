package org.fieldsafety.triage.classification;

import static org.fieldsafety.triage.classification.RiskRegion.ACCEPTABLE;
import static org.fieldsafety.triage.classification.RiskRegion.REVIEW;
import static org.fieldsafety.triage.classification.RiskRegion.UNACCEPTABLE;

import java.util.List;
import java.util.Objects;

/**
 * ISO 14971 risk evaluation: the manufacturer's versioned acceptability matrix, severity (rows 1-5) by
 * probability of occurrence of harm (columns 1-5). Every triage result records the version it used so
 * a past decision can be explained and replayed.
 *
 * <p>A software anomaly whose probability cannot be estimated is judged on severity alone with the worst
 * case probability (IEC/TR 80002-1).
 */
public record RiskMatrix(int version, List<List<RiskRegion>> regions) {

    public static final int LEVELS = 5;
    public static final int WORST_CASE_PROBABILITY = LEVELS;

    /** The default policy: a 5x5 matrix whose REVIEW band runs along the anti-diagonal. */
    public static final RiskMatrix DEFAULT = new RiskMatrix(
            1,
            List.of(
                    List.of(ACCEPTABLE, ACCEPTABLE, ACCEPTABLE, ACCEPTABLE, REVIEW),
                    List.of(ACCEPTABLE, ACCEPTABLE, ACCEPTABLE, REVIEW, REVIEW),
                    List.of(ACCEPTABLE, ACCEPTABLE, REVIEW, REVIEW, UNACCEPTABLE),
                    List.of(ACCEPTABLE, REVIEW, REVIEW, UNACCEPTABLE, UNACCEPTABLE),
                    List.of(REVIEW, REVIEW, UNACCEPTABLE, UNACCEPTABLE, UNACCEPTABLE)));

    public RiskMatrix {
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1");
        }
        if (regions == null
                || regions.size() != LEVELS
                || regions.stream()
                        .anyMatch(row -> row == null
                                || row.size() != LEVELS
                                || row.stream().anyMatch(Objects::isNull))) {
            throw new IllegalArgumentException("the matrix must have 5 rows of 5 regions");
        }
        regions = regions.stream().map(List::copyOf).toList();
    }

    /** The region of a severity (1-5) and probability (1-5, or null when unknown: worst case 5). */
    public RiskRegion evaluate(int severity, Integer probability) {
        int p = probability == null ? WORST_CASE_PROBABILITY : probability;
        if (severity < 1 || severity > LEVELS || p < 1 || p > LEVELS) {
            throw new IllegalArgumentException("severity and probability run from 1 to 5");
        }
        return regions.get(severity - 1).get(p - 1);
    }
}
