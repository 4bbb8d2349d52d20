package org.fieldsafety.fsca.console.problems;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;

/**
 * A problem's reports per week as triage counts them (the reports a trend counts, by UTC week from Monday,
 * the current week last) and the reports its trend expects per week (null before its first evaluation).
 */
@JsonIgnoreProperties(ignoreUnknown = true) // what triage adds later is not the console's concern
public record ProblemWeeks(
        String problemId,
        String productId,
        String softwareItem,
        String faultCode,
        List<Week> weeks,
        Double expectedPerWeek,
        String expectedFrom,
        Instant evaluatedAt,
        Instant trendSince) {

    /** The reports of the week that starts on {@code start}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Week(Instant start, long reports) {}
}
