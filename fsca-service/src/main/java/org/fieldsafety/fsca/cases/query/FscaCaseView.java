package org.fieldsafety.fsca.cases.query;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.fieldsafety.eventstore.readmodel.VersionedView;
import org.fieldsafety.fsca.cases.CaseStatus;
import org.fieldsafety.fsca.cases.FscaAction;
import org.fieldsafety.fsca.cases.FscaDecision;
import org.fieldsafety.fsca.cases.Incident;
import org.fieldsafety.platform.signature.Signature;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The read model of one FSCA case, kept by {@link FscaCaseProjection}. */
@Entity
@Table(name = "fsca_case_view")
public class FscaCaseView extends VersionedView {

    @Id
    public String caseId;

    public String problemId;
    public String productId;

    @Enumerated(EnumType.STRING)
    public CaseStatus status;

    public Instant openedAt;
    /** The earliest reporting deadline of any incident: the console's queue order. */
    public Instant nearestDeadline;

    /** One JSON object: the reactive PostgreSQL client decodes a JSON column only as an object. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Details details = new Details(List.of(), null);

    /** What the case holds beyond its keys: the incidents, and the decision once taken. */
    public record Details(List<Incident> incidents, Decision decision) {}

    /** The signed decision as the case shows it. */
    public record Decision(
            FscaDecision decision, FscaAction action, String rationale, Signature signature, long signedVersion) {}

    void attach(Incident incident) {
        List<Incident> incidents = new ArrayList<>(details.incidents());
        incidents.add(incident);
        details = new Details(incidents, details.decision());
        nearestDeadline = incidents.stream()
                .flatMap(i -> i.clocks().stream())
                .map(Incident.ReportingClock::deadline)
                .min(Comparator.naturalOrder())
                .orElse(null);
    }

    void decide(Decision decision) {
        status = CaseStatus.DECIDED;
        details = new Details(details.incidents(), decision);
    }
}
