package org.fieldsafety.changecontrol.change;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.fieldsafety.changecontrol.change.ChangeRequestCommand.ApproveChange;
import org.fieldsafety.changecontrol.change.ChangeRequestCommand.RaiseChangeRequest;
import org.fieldsafety.changecontrol.change.query.ChangeRequestView;
import org.fieldsafety.changecontrol.change.query.ReleasedChange;
import org.fieldsafety.changecontrol.problem.ProblemReportService;
import org.fieldsafety.changecontrol.problem.ProblemReports;
import org.fieldsafety.changecontrol.problem.query.ProblemReportLink;
import org.fieldsafety.eventstore.audit.AuditedCommands;
import org.fieldsafety.eventstore.readmodel.Snapshot;
import org.fieldsafety.eventstore.readmodel.ViewFilter;
import org.fieldsafety.platform.domain.NotFound;
import org.fieldsafety.platform.domain.StaleVersion;
import org.fieldsafety.platform.domain.Step;
import org.fieldsafety.platform.signature.Signature;
import org.fieldsafety.platform.signature.SignatureRequest;
import org.fieldsafety.platform.signature.SignatureVerifier;

/**
 * What the API does with change requests (IEC 62304 6.2, 6.3, 8.2), in one place: their steps, sent as
 * the signed-in user now (blocking: Axon; audited: {@link AuditedCommands}), each answering the status it
 * led to, and the queries of their read model (reactive), for the API, the traceability matrix and the
 * problem reports' resolution.
 */
@ApplicationScoped
public class ChangeRequestService {

    private final AuditedCommands commands;
    private final SignatureVerifier signatures;
    private final SecurityIdentity identity;
    private final Clock clock;
    private final ProblemReportService problemReports;

    ChangeRequestService(
            AuditedCommands commands,
            SignatureVerifier signatures,
            SecurityIdentity identity,
            Clock clock,
            ProblemReportService problemReports) {
        this.commands = commands;
        this.signatures = signatures;
        this.identity = identity;
        this.clock = clock;
        this.problemReports = problemReports;
    }

    /** A change request as raised, and the status it is in. */
    public record Raised(RaiseChangeRequest request, ChangeRequestStatus status) {}

    /** The change board's signed approval and the status it led to. */
    public record Approved(ChangeRequestStatus status, Signature signature) {}

    /** A change request with the problem reports it resolves (IEC 62304 8.2.4). */
    public record Trace(ChangeRequestView view, List<ProblemReportLink> problemReports) {}

    /** Change requests, the oldest first; a null filter filters nothing. */
    @WithSession
    public Uni<List<ChangeRequestView>> list(String problemId, String fscaCaseId, ChangeRequestStatus status) {
        ViewFilter filter = new ViewFilter()
                .with("problemId", problemId)
                .with("fscaCaseId", fscaCaseId)
                .with("status", status);
        return ChangeRequestView.<ChangeRequestView>find(
                        filter.query(), Sort.by("raisedAt").and("id"), filter.parameters())
                .list();
    }

    @WithSession
    public Uni<ChangeRequestView> get(String id) {
        return ChangeRequestView.<ChangeRequestView>findById(id)
                .onItem()
                .ifNull()
                .failWith(() -> new NotFound("Change request " + id));
    }

    /**
     * The change's traceability (IEC 62304 8.2.4). Its problem reports are the one it names and the one
     * opened for triage's problem it answers; all from one {@link Snapshot}.
     */
    @WithSession
    public Uni<Trace> trace(String id) {
        return Snapshot.read(() -> get(id).chain(view -> problemReports
                .links(Stream.of(
                                view.problemReportId,
                                view.problemId == null ? null : ProblemReports.idForProblem(view.problemId))
                        .filter(Objects::nonNull)
                        .distinct()
                        .toList())
                .map(links -> new Trace(view, links))));
    }

    /** Every change request, the oldest first: the traceability matrix. */
    @WithSession
    public Uni<List<ChangeRequestView>> all() {
        return ChangeRequestView.<ChangeRequestView>listAll(Sort.by("raisedAt").and("id"));
    }

    /** The releases of the product's change requests; in the caller's session. */
    public Uni<List<ReleasedChange>> releasesOfProduct(String productId) {
        return ChangeRequestView.<ChangeRequestView>list("productId", productId).map(ChangeRequestService::releases);
    }

    /**
     * The releases of the change requests that answer a problem report: raised from it, raised for triage's
     * problem ({@code problemId}, may be null) or linked to it; in the caller's session.
     */
    public Uni<List<ReleasedChange>> releasesFor(String problemReportId, String problemId, List<String> linked) {
        List<String> conditions = new ArrayList<>(List.of("problemReportId = :report"));
        Parameters parameters = Parameters.with("report", problemReportId);
        if (problemId != null) {
            conditions.add("problemId = :problem");
            parameters.and("problem", problemId);
        }
        if (!linked.isEmpty()) {
            conditions.add("id in :linked");
            parameters.and("linked", linked);
        }
        return ChangeRequestView.<ChangeRequestView>list(String.join(" or ", conditions), parameters)
                .map(ChangeRequestService::releases);
    }

    /** A change request raised by hand (IEC 62304 6.2.1.3); the caller is its requester. */
    public Raised raise(Step<RaiseChangeRequest> raise) {
        RaiseChangeRequest request = raise.by(user(), clock.instant());
        ChangeRequestStatus status = commands.send(request, user());
        return new Raised(request, status);
    }

    /**
     * A step of change request {@code id}, asked by the signed-in user now, on the request at {@code
     * seenVersion} (null: whatever its version); the status it led to. A request that moved on since refuses
     * the step, and nothing is applied.
     */
    public ChangeRequestStatus send(String id, Step<? extends ChangeRequestCommand> step, Long seenVersion) {
        try {
            String user = user();
            return commands.send(step.by(user, clock.instant()), user, seenVersion);
        } catch (AggregateNotFoundException e) {
            throw new NotFound("Change request " + id);
        } catch (ConflictingAggregateVersionException e) {
            throw new StaleVersion("Change request " + id, e.getActualVersion(), String.valueOf(seenVersion));
        }
    }

    /**
     * The change board's approval, signed by the signed-in user (IEC 62304 6.2.4; 21 CFR 11.50, 11.200), of
     * the request at {@code seenVersion} (as at {@link #send}).
     */
    public Approved approve(String id, SignatureRequest signing, Long seenVersion) {
        Signature signature = signatures.sign(identity, signing);
        return new Approved(send(id, (user, now) -> new ApproveChange(id, signature), seenVersion), signature);
    }

    private String user() {
        return identity.getPrincipal().getName();
    }

    private static List<ReleasedChange> releases(List<ChangeRequestView> changes) {
        return changes.stream()
                .filter(change -> change.details.release() != null)
                .map(change -> new ReleasedChange(
                        change.id,
                        change.details.release().version(),
                        change.details.release().releasedAt()))
                .toList();
    }
}
