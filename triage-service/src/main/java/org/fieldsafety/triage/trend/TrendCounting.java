package org.fieldsafety.triage.trend;

/**
 * Which reports a problem's trend counts (MDR Art. 88, IEC 62304 9.6): each event once, and only those that
 * are not serious incidents. Art. 88 is about "incidents that are not serious incidents" and expected
 * undesirable side-effects; a serious incident is reported on its own under Art. 87, so it does not count.
 * Follow-up information on an event already counted is not another event.
 *
 * <p>Reports from outside the EU count as well. Art. 88 compares against the foreseeable frequency "in
 * respect of the device", which the registry holds as the devices in use worldwide, so the count must cover
 * the same devices; a trend abroad is a trend of the same device; and where the text leaves it open the
 * reading that reports is taken (an EU-only count would hide an increase that starts elsewhere).
 */
public final class TrendCounting {

    private TrendCounting() {}

    /**
     * The severity under which a report counts, or null when it does not: a serious incident, or follow-up
     * information on an event triage already knows.
     */
    public static Integer countedSeverity(boolean seriousIncident, boolean newEvent, int severity) {
        return seriousIncident || !newEvent ? null : severity;
    }
}
