package org.fieldsafety.changecontrol.change;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The verification of an implemented change (IEC 62304 8.2.3): its test records, and whether the
 * verification the change invalidated was repeated.
 */
public record Verification(
        List<Record> records, boolean regressionTestsRepeated, String recordedBy, Instant recordedAt) {

    /**
     * One retest's documentation (IEC 62304 9.8): results, anomalies, software version, configuration,
     * tools, date and tester, for the software item it tested.
     */
    public record Record(
            String softwareItem,
            String results,
            List<String> anomalies,
            String softwareVersion,
            String configuration,
            List<String> tools,
            LocalDate date,
            String tester) {}
}
