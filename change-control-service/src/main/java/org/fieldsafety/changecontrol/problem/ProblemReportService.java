package org.fieldsafety.changecontrol.problem;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.fieldsafety.changecontrol.problem.ProblemReportCommand.CloseProblemReport;
import org.fieldsafety.changecontrol.problem.ProblemReportCommand.OpenProblemReport;
import org.fieldsafety.changecontrol.problem.ProblemReportCommand.VerifyResolution;
import org.fieldsafety.changecontrol.problem.query.ProblemReportLink;
import org.fieldsafety.changecontrol.problem.query.ProblemReportView;
import org.fieldsafety.changecontrol.problem.query.ResolutionFacts;
import org.fieldsafety.eventstore.audit.AuditedCommands;
import org.fieldsafety.eventstore.readmodel.ViewFilter;
import org.fieldsafety.platform.domain.NotFound;
import org.fieldsafety.platform.domain.StaleVersion;
import org.fieldsafety.platform.domain.Step;

/**
 * What the API does with problem reports (IEC 62304 clause 9), in one place: their steps, sent as the
 * signed-in user now (blocking: Axon; audited: {@link AuditedCommands}), each answering the status it
 * moved the report to (null when it did not move it); the verification and closure checked against the
 * field facts read here; and the queries of their read model (reactive).
 */
@ApplicationScoped
public class ProblemReportService {

    private final AuditedCommands commands;
    private final SecurityIdentity identity;
    private final Clock clock;
    private final ResolutionFacts facts;
    private final ResolutionConfig config;

    ProblemReportService(
            AuditedCommands commands,
            SecurityIdentity identity,
            Clock clock,
            ResolutionFacts facts,
            ResolutionConfig config) {
        this.commands = commands;
        this.identity = identity;
        this.clock = clock;
        this.facts = facts;
        this.config = config;
    }

    /** Problem reports, the oldest first; {@code problemId} is triage's problem id; a null filter filters nothing. */
    @WithSession
    public Uni<List<ProblemReportView>> list(String problemId, ProblemReportStatus status) {
        ViewFilter filter = new ViewFilter().with("problemId", problemId).with("status", status);
        return ProblemReportView.<ProblemReportView>find(
                        filter.query(), Sort.by("openedAt").and("id"), filter.parameters())
                .list();
    }

    @WithSession
    public Uni<ProblemReportView> get(String id) {
        return ProblemReportView.<ProblemReportView>findById(id)
                .onItem()
                .ifNull()
                .failWith(() -> new NotFound("Problem report " + id));
    }

    /** The reports of these ids as a change's traceability names them, the oldest first. */
    @WithSession
    public Uni<List<ProblemReportLink>> links(List<String> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return ProblemReportView.<ProblemReportView>list("id in ?1", Sort.by("openedAt"), ids)
                .map(reports -> reports.stream()
                        .map(report -> new ProblemReportLink(
                                report.id, report.problemId, report.status, report.criticality.level()))
                        .toList());
    }

    /** A problem report opened by hand (IEC 62304 9.1) by the signed-in user; the status it is in. */
    public ProblemReportStatus open(Step<OpenProblemReport> open) {
        String user = user();
        return commands.send(open.by(user, clock.instant()), user);
    }

    /**
     * A step of report {@code id}, asked by the signed-in user now, on the report at {@code seenVersion} (null:
     * whatever its version); the status it moved the report to. A report that moved on since refuses the
     * step, and nothing is applied.
     */
    public ProblemReportStatus send(String id, Step<? extends ProblemReportCommand> step, Long seenVersion) {
        try {
            String user = user();
            return commands.send(step.by(user, clock.instant()), user, seenVersion);
        } catch (AggregateNotFoundException e) {
            throw new NotFound("Problem report " + id);
        } catch (ConflictingAggregateVersionException e) {
            throw new StaleVersion("Problem report " + id, e.getActualVersion(), String.valueOf(seenVersion));
        }
    }

    /**
     * The verification of the resolution (IEC 62304 9.7), checked against the field facts read here: the
     * release of {@code fixedVersion} (null: the latest release of the report's change requests) and the
     * problem's field reports; on the report at {@code seenVersion} (as at {@link #send}).
     */
    public ProblemReportStatus verifyResolution(
            String id, String fixedVersion, Step<ResolutionVerification> verification, Long seenVersion) {
        ResolutionFacts.Facts field = facts.forVerification(id, fixedVersion);
        return send(
                id,
                (user, now) -> new VerifyResolution(
                        id,
                        verification.by(user, now),
                        field.fixedRelease(),
                        field.fieldReports(),
                        config.noRecurrenceWindow()),
                seenVersion);
    }

    /**
     * The closing, while the problem still has not recurred on the fix (IEC 62304 9.7); on the report at
     * {@code seenVersion} (as at {@link #send}).
     */
    public ProblemReportStatus close(String id, Long seenVersion) {
        List<FieldReport> fieldReports = facts.forClosure(id);
        return send(
                id,
                (user, now) -> new CloseProblemReport(id, user, now, fieldReports, config.noRecurrenceWindow()),
                seenVersion);
    }

    private String user() {
        return identity.getPrincipal().getName();
    }
}
