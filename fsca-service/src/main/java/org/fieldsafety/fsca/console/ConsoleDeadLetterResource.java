package org.fieldsafety.fsca.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.fieldsafety.eventstore.deadletter.DeadLetters;
import org.fieldsafety.platform.Roles;
import org.fieldsafety.platform.signin.TokenClaims;
import org.jboss.resteasy.reactive.RestPath;

/**
 * The events this service's projections and publishers parked, as the dead-letter API serves them: for the
 * administrator, who replays a group once its cause is fixed, and for auditors, who read it. A parked event
 * stalls nothing else, so without this page it would wait unseen.
 */
@Path("/console")
@Blocking
public class ConsoleDeadLetterResource {

    private static final URI PAGE = URI.create("/console/dead-letters");

    private final DeadLetters deadLetters;
    private final SecurityIdentity identity;

    ConsoleDeadLetterResource(DeadLetters deadLetters, SecurityIdentity identity) {
        this.deadLetters = deadLetters;
        this.identity = identity;
    }

    /** A processing group with its parked events (the first of them, as the API lists them). */
    public record Group(String processingGroup, long count, List<DeadLetters.Parked> parked) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance deadLetters(List<Group> groups, boolean canReplay, String user);
    }

    @GET
    @Path("dead-letters")
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({Roles.ADMIN, Roles.AUDITOR})
    public TemplateInstance page() {
        List<Group> groups = deadLetters.groups().stream()
                .map(group -> new Group(
                        group.processingGroup(),
                        group.parked(),
                        group.parked() == 0 ? List.of() : deadLetters.parked(group.processingGroup())))
                .toList();
        return Templates.deadLetters(
                groups, identity.hasRole(Roles.ADMIN), TokenClaims.fullName(identity.getPrincipal()));
    }

    /** Applies the group's parked events again, each aggregate's in order; back to the page, which shows what stays. */
    @POST
    @Path("dead-letters/{processingGroup}/replay")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.ADMIN)
    public Response replay(@RestPath String processingGroup) {
        deadLetters.replay(processingGroup);
        return Response.seeOther(PAGE).build();
    }
}
