package org.fieldsafety.triage.classification;

import static org.fieldsafety.triage.classification.ReportingRegime.Trigger.DEATH;
import static org.fieldsafety.triage.classification.ReportingRegime.Trigger.MIGHT_HAVE_LED;
import static org.fieldsafety.triage.classification.ReportingRegime.Trigger.PUBLIC_HEALTH_THREAT;
import static org.fieldsafety.triage.classification.ReportingRegime.Trigger.SERIOUS_DETERIORATION;
import static org.fieldsafety.triage.classification.ReportingRegime.Trigger.UNANTICIPATED_SERIOUS_DETERIORATION;

import java.util.List;
import java.util.Set;
import org.fieldsafety.triage.classification.ReportingRegime.MarketedIn;
import org.fieldsafety.triage.classification.ReportingRegime.OccurredIn;
import org.fieldsafety.triage.classification.ReportingRegime.Rule;

/**
 * The reporting regimes of the markets the system serves, one row per market and one rule per case, each
 * with its basis. A new market is a row here and a row in its test. The deadlines run from awareness.
 *
 * <ul>
 *   <li>{@code EU_MDR}, incidents in the EU/EEA, Turkey (which applies the MDR) and Switzerland (the same
 *       deadlines under its ordinance): Art. 87(4) serious public health threat 2 days, Art. 87(5) death or
 *       unanticipated serious deterioration 10 days, Art. 87(3) any other serious incident 15 days.
 *   <li>{@code UK_MHRA}, incidents in Great Britain: the same 2 / 10 / 15 days under the UK MDR 2002 Part 4A,
 *       inserted by the Medical Devices (Post-market Surveillance Requirements) (Amendment) (Great Britain)
 *       Regulations 2024 (SI 2024/1368), in force 16 June 2025.
 *   <li>{@code CA_HC}, incidents in Canada: Medical Devices Regulations SOR/98-282 s.59(1), preliminary report
 *       s.60(1)(a) within 10 days for a death or serious deterioration, s.60(1)(b) within 30 days for one that
 *       could lead to either were it to recur; an incident abroad only once corrective action is taken or
 *       required (s.59(2)), which the FSCA case decides.
 *   <li>{@code AU_TGA}, incidents in Australia: Therapeutic Goods (Medical Devices) Regulations 2002 reg.
 *       5.7(1)(a) serious threat to public health 48 hours, (b) death or serious deterioration 10 days, (c) an
 *       event that might lead to either if it occurred again 30 days.
 *   <li>{@code US_FDA}, incidents wherever they occur of a device marketed in the US: 21 CFR 803.50 a death,
 *       serious injury or malfunction likely to cause or contribute to one if it recurred, 30 calendar days.
 *       The 5-work-day report of 803.53 follows a person's finding that remedial action is needed, or an FDA
 *       written request, both recorded on the FSCA case, which runs that clock.
 * </ul>
 */
public final class ReportingRegimes {

    public static final String EU_MDR = "EU_MDR";
    public static final String UK_MHRA = "UK_MHRA";
    public static final String CA_HC = "CA_HC";
    public static final String AU_TGA = "AU_TGA";
    public static final String US_FDA = "US_FDA";

    /** EU 27, EEA, and Turkey and Switzerland. */
    static final Set<String> EU_MDR_COUNTRIES = Set.of(
            "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU",
            "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO", "TR", "CH");

    private static final Set<ReportingRegime.Trigger> SERIOUS_HARM =
            Set.of(DEATH, UNANTICIPATED_SERIOUS_DETERIORATION, SERIOUS_DETERIORATION);

    public static final List<ReportingRegime> ALL = List.of(
            new ReportingRegime(
                    EU_MDR,
                    new OccurredIn(
                            EU_MDR_COUNTRIES,
                            "Art. 87(1): incident outside the EU/EEA, Turkey and Switzerland; reportable only if it"
                                    + " leads to an FSCA concerning devices on the Union market"),
                    List.of(
                            new Rule(Set.of(PUBLIC_HEALTH_THREAT), 2, "Art. 87(4)"),
                            new Rule(
                                    Set.of(DEATH, UNANTICIPATED_SERIOUS_DETERIORATION),
                                    10,
                                    "Art. 87(5)"),
                            new Rule(
                                    Set.of(SERIOUS_DETERIORATION, MIGHT_HAVE_LED), 15, "Art. 87(3)")),
                    "Art. 2(65): not a serious incident; recorded for trend reporting under Art. 88"),
            new ReportingRegime(
                    UK_MHRA,
                    new OccurredIn(
                            Set.of("GB"),
                            "UK MDR 2002 Part 4A: incident outside Great Britain; reportable only if it leads to an"
                                    + " FSCA concerning devices on the GB market"),
                    List.of(
                            new Rule(
                                    Set.of(PUBLIC_HEALTH_THREAT),
                                    2,
                                    "UK MDR 2002 Part 4A: serious public health threat"),
                            new Rule(
                                    Set.of(DEATH, UNANTICIPATED_SERIOUS_DETERIORATION),
                                    10,
                                    "UK MDR 2002 Part 4A: death or unanticipated serious deterioration"),
                            new Rule(
                                    Set.of(SERIOUS_DETERIORATION, MIGHT_HAVE_LED),
                                    15,
                                    "UK MDR 2002 Part 4A: other serious incident")),
                    "UK MDR 2002 Part 4A: not a serious incident; recorded for trend reporting"),
            new ReportingRegime(
                    CA_HC,
                    new OccurredIn(
                            Set.of("CA"),
                            "SOR/98-282 s.59(2): an incident outside Canada is reported once corrective action is"
                                    + " taken or required (decided on the FSCA case)"),
                    List.of(
                            new Rule(SERIOUS_HARM, 10, "SOR/98-282 s.60(1)(a)"),
                            new Rule(Set.of(MIGHT_HAVE_LED), 30, "SOR/98-282 s.60(1)(b)")),
                    "SOR/98-282 s.59(1): no death or serious deterioration, and none could follow were it to recur"),
            new ReportingRegime(
                    AU_TGA,
                    new OccurredIn(Set.of("AU"), "TG(MD)R 2002 reg. 5.7: incident outside Australia"),
                    List.of(
                            new Rule(Set.of(PUBLIC_HEALTH_THREAT), 2, "TG(MD)R 2002 reg. 5.7(1)(a)"),
                            new Rule(SERIOUS_HARM, 10, "TG(MD)R 2002 reg. 5.7(1)(b)"),
                            new Rule(Set.of(MIGHT_HAVE_LED), 30, "TG(MD)R 2002 reg. 5.7(1)(c)")),
                    "TG(MD)R 2002 reg. 5.7: no death or serious deterioration, and none might follow were it to"
                            + " occur again"),
            new ReportingRegime(
                    US_FDA,
                    new MarketedIn("US", "21 CFR 803: device not marketed in the US"),
                    List.of(
                            new Rule(
                                    Set.of(
                                            DEATH,
                                            UNANTICIPATED_SERIOUS_DETERIORATION,
                                            SERIOUS_DETERIORATION,
                                            MIGHT_HAVE_LED),
                                    30,
                                    "21 CFR 803.50")),
                    "21 CFR 803.50: no death or serious injury, and no malfunction likely to cause one if it recurred"));

    private ReportingRegimes() {}
}
