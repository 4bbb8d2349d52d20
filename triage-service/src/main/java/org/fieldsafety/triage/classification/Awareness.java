package org.fieldsafety.triage.classification;

import java.time.Instant;
import org.fieldsafety.contracts.FieldReportReceived;

/**
 * The awareness the reporting clocks run from: the manufacturer becomes aware when any employee acquires
 * information that reasonably suggests a reportable event (21 CFR 803.3 "become aware"), and the MDR's
 * deadlines run from the manufacturer's awareness (MDR Art. 87(3)-(5), MDCG 2023-3 on the awareness date).
 * The reporter may know an earlier moment than intake's receipt (a complaint logged days before it was
 * posted): the clocks run from the earliest known awareness, the reporter's {@code awareAt} when it is
 * earlier than {@code receivedAt}, otherwise {@code receivedAt} (intake accepts an {@code awareAt} up to its
 * clock skew after receipt, which must not move a clock later). Follow-up information has the awareness of
 * its own report: the new information's duties run from when it became known.
 */
public final class Awareness {

    private Awareness() {}

    public static Instant clocksStart(FieldReportReceived report) {
        Instant reported = report.awareAt();
        return reported != null && reported.isBefore(report.receivedAt()) ? reported : report.receivedAt();
    }
}
