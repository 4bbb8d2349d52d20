package org.fieldsafety.triage.classification;

import java.time.Duration;
import org.fieldsafety.triage.classification.ReportingDuty.NotReportable;
import org.fieldsafety.triage.classification.ReportingDuty.Reportable;

/**
 * US FDA medical device reporting by manufacturers, 21 CFR 803.50: a death or serious injury the device may
 * have caused or contributed to, or a malfunction likely to cause or contribute to one if it recurred, 30
 * calendar days after awareness. Applies to any device marketed in the US, wherever the event occurred.
 * Calendar days are exact 24-hour periods from the awareness instant.
 *
 * <p>The duties that follow from the FSCA case (the 5-work-day report of 21 CFR 803.53 once remedial action
 * is needed or the FDA asks in writing, the supplemental report of 803.56, the correction or removal report
 * of 806.10) are the case's, in fsca.
 */
public final class FdaReportability {

    static final int CALENDAR_DAYS_803_50 = 30;

    private FdaReportability() {}

    public static ReportingDuty assess(Incident incident) {
        if (!incident.marketedInUs()) {
            return new NotReportable(ReportingDuty.US_FDA, "21 CFR 803: device not marketed in the US");
        }
        if (incident.serious()) {
            return new Reportable(
                    ReportingDuty.US_FDA,
                    "21 CFR 803.50",
                    incident.awareAt().plus(Duration.ofDays(CALENDAR_DAYS_803_50)));
        }
        return new NotReportable(
                ReportingDuty.US_FDA,
                "21 CFR 803.50: no death or serious injury, and no malfunction likely to cause one if it recurred");
    }
}
