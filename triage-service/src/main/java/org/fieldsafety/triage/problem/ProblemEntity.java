package org.fieldsafety.triage.problem;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.fieldsafety.contracts.TrendSignalRaised;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A problem (IEC 62304 9.1) with its first report and its trend state (MDR Art. 88): the last evaluation
 * (its test, counts, findings, devices in use and result), whether an episode is running since when, and the
 * signal of the current or last episode as JSON.
 */
@Entity
@Table(name = "problem")
public class ProblemEntity extends PanacheEntityBase {

    @Id
    @Column(name = "problem_id")
    public String problemId;

    @Column(name = "product_id")
    public String productId;

    @Column(name = "software_item")
    public String softwareItem;

    @Column(name = "fault_code")
    public String faultCode;

    @Column(name = "first_report_id")
    public String firstReportId;

    @Column(name = "first_seen")
    public Instant firstSeen;

    @Column(name = "detected_at")
    public Instant detectedAt;

    @Column(name = "trend_signal")
    public boolean trendSignal;

    @Column(name = "trend_observed")
    public Long trendObserved;

    @Column(name = "trend_expected")
    public Double trendExpected;

    @Column(name = "trend_p_value")
    public Double trendPValue;

    @Column(name = "trend_evaluated_at")
    public Instant trendEvaluatedAt;

    @Column(name = "trend_since")
    public Instant trendSince;

    @Column(name = "trend_episodes")
    public int trendEpisodes;

    /** The last evaluation's test: FORESEEN_RATE or OWN_BASELINE. */
    @Column(name = "trend_test")
    public String trendTest;

    /** What the last evaluation found, comma-separated (FREQUENCY, SEVERITY); empty when nothing. */
    @Column(name = "trend_findings")
    public String trendFindings;

    @Column(name = "trend_devices_in_use")
    public Double trendDevicesInUse;

    /** The last evaluation's result in words. */
    @Column(name = "trend_result")
    public String trendResult;

    /** The report whose triage raised the current or last episode's signal. */
    @Column(name = "trend_report_id")
    public String trendReportId;

    /** The signal of the current or last episode. */
    @Column(name = "trend_event")
    @JdbcTypeCode(SqlTypes.JSON)
    public TrendSignalRaised trendEvent;
}
