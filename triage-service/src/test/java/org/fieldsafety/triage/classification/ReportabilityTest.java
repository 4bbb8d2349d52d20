package org.fieldsafety.triage.classification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.fieldsafety.triage.classification.ReportingDuty.NotReportable;
import org.fieldsafety.triage.classification.ReportingDuty.Reportable;
import org.fieldsafety.triage.classification.ReportingRegime.Trigger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The regime table, one row per market and case with its article: MDR Art. 87(3)-(5), UK MDR 2002 Part 4A,
 * SOR/98-282 s.59-60, TG(MD)R 2002 reg. 5.7, 21 CFR 803.50. Deadlines from awareness.
 */
class ReportabilityTest {

    static final Instant AWARE = Instant.parse("2026-11-20T10:15:00Z");
    static final Set<String> EVERYWHERE = Set.of("DE", "GB", "CA", "AU", "US");

    private final Reportability reportability =
            new Reportability(ReportingRegimes.ALL);

    @ParameterizedTest(name = "{0} {4}: {2} in {1} -> {3} days")
    @CsvSource({
        // regime, country, triggers, days, basis
        "EU_MDR, DE, PUBLIC_HEALTH_THREAT MIGHT_HAVE_LED, 2, Art. 87(4)",
        "EU_MDR, FR, DEATH, 10, Art. 87(5)",
        "EU_MDR, IT, UNANTICIPATED_SERIOUS_DETERIORATION, 10, Art. 87(5)",
        "EU_MDR, NL, SERIOUS_DETERIORATION, 15, Art. 87(3)",
        "EU_MDR, AT, MIGHT_HAVE_LED, 15, Art. 87(3)",
        // EEA, Turkey (applies the MDR), Switzerland (the same deadlines)
        "EU_MDR, NO, SERIOUS_DETERIORATION, 15, Art. 87(3)",
        "EU_MDR, TR, DEATH, 10, Art. 87(5)",
        "EU_MDR, CH, UNANTICIPATED_SERIOUS_DETERIORATION, 10, Art. 87(5)",
        "UK_MHRA, GB, PUBLIC_HEALTH_THREAT MIGHT_HAVE_LED, 2, UK MDR 2002 Part 4A: serious public health threat",
        "UK_MHRA, GB, DEATH, 10, UK MDR 2002 Part 4A: death or unanticipated serious deterioration",
        "UK_MHRA, GB, UNANTICIPATED_SERIOUS_DETERIORATION, 10, UK MDR 2002 Part 4A: death or unanticipated serious deterioration",
        "UK_MHRA, GB, SERIOUS_DETERIORATION, 15, UK MDR 2002 Part 4A: other serious incident",
        "UK_MHRA, GB, MIGHT_HAVE_LED, 15, UK MDR 2002 Part 4A: other serious incident",
        "CA_HC, CA, DEATH, 10, SOR/98-282 s.60(1)(a)",
        "CA_HC, CA, SERIOUS_DETERIORATION, 10, SOR/98-282 s.60(1)(a)",
        "CA_HC, CA, UNANTICIPATED_SERIOUS_DETERIORATION, 10, SOR/98-282 s.60(1)(a)",
        "CA_HC, CA, MIGHT_HAVE_LED, 30, SOR/98-282 s.60(1)(b)",
        // Canada has no public-health-threat deadline: the incident's harm decides
        "CA_HC, CA, PUBLIC_HEALTH_THREAT MIGHT_HAVE_LED, 30, SOR/98-282 s.60(1)(b)",
        "AU_TGA, AU, PUBLIC_HEALTH_THREAT MIGHT_HAVE_LED, 2, TG(MD)R 2002 reg. 5.7(1)(a)",
        "AU_TGA, AU, DEATH, 10, TG(MD)R 2002 reg. 5.7(1)(b)",
        "AU_TGA, AU, SERIOUS_DETERIORATION, 10, TG(MD)R 2002 reg. 5.7(1)(b)",
        "AU_TGA, AU, MIGHT_HAVE_LED, 30, TG(MD)R 2002 reg. 5.7(1)(c)",
        // the FDA reports an event wherever it occurred, for a device marketed in the US
        "US_FDA, US, DEATH, 30, 21 CFR 803.50",
        "US_FDA, JP, SERIOUS_DETERIORATION, 30, 21 CFR 803.50",
        "US_FDA, DE, UNANTICIPATED_SERIOUS_DETERIORATION, 30, 21 CFR 803.50",
        "US_FDA, GB, MIGHT_HAVE_LED, 30, 21 CFR 803.50"
    })
    void eachMarketsDeadlineForEachCase(String regime, String country, String triggers, int days, String basis) {
        assertEquals(
                new Reportable(regime, basis, AWARE.plus(Duration.ofDays(days))),
                duty(regime, new Incident(AWARE, country, triggers(triggers), EVERYWHERE)));
    }

    @ParameterizedTest(name = "{0}: {2} in {1} is not reportable ({3})")
    @CsvSource({
        // outside the regime's territory
        "EU_MDR, US, DEATH, Art. 87(1)",
        "EU_MDR, GB, DEATH, Art. 87(1)",
        "UK_MHRA, DE, DEATH, UK MDR 2002 Part 4A",
        "CA_HC, US, DEATH, SOR/98-282 s.59(2)",
        "AU_TGA, NZ, DEATH, TG(MD)R 2002 reg. 5.7",
        // not serious
        "EU_MDR, DE, '', Art. 2(65)",
        "UK_MHRA, GB, '', UK MDR 2002 Part 4A",
        "CA_HC, CA, '', SOR/98-282 s.59(1)",
        "AU_TGA, AU, '', TG(MD)R 2002 reg. 5.7",
        "US_FDA, US, '', 21 CFR 803.50"
    })
    void notReportableRecordsWhy(String regime, String country, String triggers, String basis) {
        NotReportable duty = (NotReportable) duty(regime, new Incident(AWARE, country, triggers(triggers), EVERYWHERE));
        assertTrue(duty.reason().startsWith(basis), duty.reason());
    }

    /**
     * An incident without a country is taken to have occurred wherever the device is marketed (reads towards
     * reporting); an unregistered product is taken to be marketed everywhere. 21 CFR 803: the FDA reports only
     * for a device marketed in the US.
     */
    @ParameterizedTest(name = "no country, marketed in {0} -> reportable under {1}")
    @CsvSource({
        "DE US, EU_MDR US_FDA",
        "GB, UK_MHRA",
        "CA AU, CA_HC AU_TGA",
        "JP, ''",
        "*, EU_MDR UK_MHRA CA_HC AU_TGA US_FDA"
    })
    void anIncidentWithoutCountryIsReportableWhereTheDeviceIsMarketed(String markets, String regimes) {
        Set<String> marketedIn = markets.equals("*") ? null : Set.of(markets.split(" "));
        Set<String> reportable = reportability.assess(new Incident(AWARE, null, triggers("DEATH"), marketedIn)).stream()
                .filter(Reportable.class::isInstance)
                .map(ReportingDuty::regime)
                .collect(Collectors.toSet());
        assertEquals(regimes.isBlank() ? Set.of() : Set.of(regimes.split(" ")), reportable);
    }

    @Test
    void aDeviceNotMarketedInTheUsIsNotReportedToTheFda() {
        NotReportable duty = (NotReportable) duty("US_FDA", new Incident(AWARE, "US", triggers("DEATH"), Set.of("DE")));
        assertTrue(duty.reason().startsWith("21 CFR 803:"), duty.reason());
    }

    @ParameterizedTest(name = "calendar days: aware {0} -> EU 15 days {1}, FDA 30 days {2}")
    @CsvSource({
        // month end: calendar days roll into the next month (February is short)
        "2026-01-31T23:30:00Z, 2026-02-15T23:30:00Z, 2026-03-02T23:30:00Z",
        // EU DST starts 2026-03-29, US DST ends 2026-11-01: days are exact 24 h periods in UTC
        "2026-03-20T10:00:00Z, 2026-04-04T10:00:00Z, 2026-04-19T10:00:00Z",
        "2026-10-30T15:00:00Z, 2026-11-14T15:00:00Z, 2026-11-29T15:00:00Z"
    })
    void calendarDaysAreExact24HourPeriods(Instant awareAt, Instant eu, Instant fda) {
        Incident incident = new Incident(awareAt, "DE", triggers("SERIOUS_DETERIORATION"), EVERYWHERE);
        assertEquals(eu, ((Reportable) duty("EU_MDR", incident)).deadline());
        assertEquals(fda, ((Reportable) duty("US_FDA", incident)).deadline());
    }

    /** 21 CFR 803.53's 5 work days follow a person's finding on the FSCA case, never a catalogue flag. */
    @Test
    void aPublicHealthThreatIsReportedToTheFdaIn30Days() {
        assertEquals(
                new Reportable("US_FDA", "21 CFR 803.50", AWARE.plus(Duration.ofDays(30))),
                duty("US_FDA", new Incident(AWARE, "US", triggers("PUBLIC_HEALTH_THREAT DEATH"), EVERYWHERE)));
    }

    @Test
    void everyRegimeOfTheTableIsAssessedInItsOrder() {
        assertEquals(
                ReportingRegimes.ALL.stream().map(ReportingRegime::id).toList(),
                reportability.assess(new Incident(AWARE, "DE", triggers(""), EVERYWHERE)).stream()
                        .map(ReportingDuty::regime)
                        .toList());
    }

    private ReportingDuty duty(String regime, Incident incident) {
        Map<String, ReportingDuty> duties =
                reportability.assess(incident).stream().collect(Collectors.toMap(ReportingDuty::regime, duty -> duty));
        return duties.get(regime);
    }

    static Set<Trigger> triggers(String names) {
        Set<Trigger> triggers = EnumSet.noneOf(Trigger.class);
        Arrays.stream(names.split(" "))
                .filter(name -> !name.isBlank())
                .map(Trigger::valueOf)
                .forEach(triggers::add);
        return triggers;
    }
}
