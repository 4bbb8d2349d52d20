package org.fieldsafety.fsca.cases.api;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.fieldsafety.eventstore.readmodel.ViewFilter;
import org.fieldsafety.fsca.cases.CaseStatus;
import org.fieldsafety.fsca.cases.FscaAction;
import org.fieldsafety.fsca.cases.FscaCaseCommand.DecideFsca;
import org.fieldsafety.fsca.cases.FscaDecision;
import org.fieldsafety.fsca.cases.query.FscaCaseView;
import org.fieldsafety.platform.ProblemException;
import org.fieldsafety.platform.signature.Signature;
import org.fieldsafety.platform.signature.SignatureVerifier;

@Path("/api/v1/fsca-cases")
@Produces(MediaType.APPLICATION_JSON)
public class FscaCaseResource {

    private final CommandGateway commands;
    private final SignatureVerifier signatures;
    private final SecurityIdentity identity;
    private final Clock clock;

    FscaCaseResource(CommandGateway commands, SignatureVerifier signatures, SecurityIdentity identity, Clock clock) {
        this.commands = commands;
        this.signatures = signatures;
        this.identity = identity;
        this.clock = clock;
    }

    /** Cases, the nearest reporting deadline first. */
    @GET
    @WithSession
    @RolesAllowed({"regulatory-affairs", "quality-assurance", "engineering", "auditor", "admin"})
    public Uni<List<FscaCaseResponse>> list(
            @QueryParam("status") CaseStatus status, @QueryParam("problemId") String problemId) {
        ViewFilter filter = new ViewFilter().with("status", status).with("problemId", problemId);
        return FscaCaseView.<FscaCaseView>find(
                        filter.query(),
                        Sort.by("nearestDeadline", Sort.NullPrecedence.NULLS_LAST)
                                .and("openedAt"),
                        filter.parameters())
                .list()
                .map(views ->
                        views.stream().map(v -> FscaCaseResponse.of(v, clock)).toList());
    }

    @GET
    @Path("{caseId}")
    @WithSession
    @RolesAllowed({"regulatory-affairs", "quality-assurance", "engineering", "auditor", "admin"})
    public Uni<FscaCaseResponse> get(@PathParam("caseId") String caseId) {
        return FscaCaseView.<FscaCaseView>findById(caseId)
                .onItem()
                .ifNull()
                .failWith(() -> ProblemException.notFound("FSCA case " + caseId))
                .map(view -> FscaCaseResponse.of(view, clock));
    }

    /** The signed decision (MDR Art. 89; 21 CFR 11.50, 11.200). Only regulatory affairs decides. */
    @POST
    @Path("{caseId}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @Blocking
    @RolesAllowed("regulatory-affairs")
    public DecisionResponse decide(@PathParam("caseId") String caseId, @Valid @NotNull DecisionRequest request) {
        Signature signature = signatures.sign(identity, request.signature());
        try {
            commands.sendAndWait(
                    new DecideFsca(caseId, request.decision(), request.action(), request.rationale(), signature));
        } catch (AggregateNotFoundException e) {
            throw ProblemException.notFound("FSCA case " + caseId);
        }
        return new DecisionResponse(caseId, request.decision(), request.action(), request.rationale(), signature);
    }

    public record DecisionResponse(
            String caseId, FscaDecision decision, FscaAction action, String rationale, Signature signature) {}
}
