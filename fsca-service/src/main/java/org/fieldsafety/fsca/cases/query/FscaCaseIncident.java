package org.fieldsafety.fsca.cases.query;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.fieldsafety.fsca.cases.Incident;
import org.fieldsafety.fsca.cases.ReportingClock;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One incident of a case, kept by {@link FscaCaseProjection} in its own row: attaching an incident or
 * changing its clocks writes this row alone, so a case's cost grows with its incidents, not with their square.
 */
@Entity
@Table(name = "fsca_case_incident")
@IdClass(FscaCaseIncident.Key.class)
public class FscaCaseIncident extends PanacheEntityBase {

    @Id
    public String caseId;

    @Id
    public String reportId;

    /** The sequence number of the event that attached it: the case's incidents in the order they came. */
    public long attachSequence;

    /** The incident's earliest deadline of a running clock, null when none runs. */
    public Instant nearestDeadline;

    @JdbcTypeCode(SqlTypes.JSON)
    public Incident incident;

    public record Key(String caseId, String reportId) implements Serializable {}

    static FscaCaseIncident of(String caseId, long attachSequence, Incident incident) {
        FscaCaseIncident row = new FscaCaseIncident();
        row.caseId = caseId;
        row.reportId = incident.reportId();
        row.attachSequence = attachSequence;
        row.set(incident);
        return row;
    }

    /** The incident as it is now: other clocks, or a follow-up's findings. */
    void update(UnaryOperator<Incident> change) {
        set(change.apply(incident));
    }

    /** The incident of the case whose running clock runs out first, or null when no clock runs. */
    static Uni<FscaCaseIncident> nearest(String caseId) {
        return FscaCaseIncident.<FscaCaseIncident>find(
                        "caseId = ?1 and nearestDeadline is not null", Sort.by("nearestDeadline"), caseId)
                .firstResult();
    }

    /** The incidents of one case in the order they were attached. */
    public static Uni<List<Incident>> ofCase(String caseId) {
        return ofCases(List.of(caseId)).map(byCase -> byCase.getOrDefault(caseId, List.of()));
    }

    /** The incidents of these cases by case id, each case's in the order they were attached. */
    public static Uni<Map<String, List<Incident>>> ofCases(List<String> caseIds) {
        if (caseIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return FscaCaseIncident.<FscaCaseIncident>list("caseId in ?1", Sort.by("attachSequence"), caseIds)
                .map(rows -> rows.stream()
                        .collect(Collectors.groupingBy(
                                row -> row.caseId,
                                LinkedHashMap::new,
                                Collectors.mapping(row -> row.incident, Collectors.toList()))));
    }

    private void set(Incident next) {
        incident = next;
        ReportingClock nearest = next.nearestClock();
        nearestDeadline = nearest == null ? null : nearest.deadline();
    }
}
