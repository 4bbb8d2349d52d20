package org.fieldsafety.eventstore.deadletter.api;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.fieldsafety.eventstore.deadletter.DeadLetters;
import org.fieldsafety.platform.Roles;

/**
 * The events the projections and publishers parked, for administrators: how many per processing group,
 * each with the reason, and their replay once the cause is fixed. In every service with an event store.
 */
@Path("/api/v1/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
public class DeadLetterResource {

    private final DeadLetters deadLetters;

    DeadLetterResource(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GET
    @Blocking
    @RolesAllowed({Roles.ADMIN, Roles.AUDITOR})
    public List<DeadLetters.Group> groups() {
        return deadLetters.groups();
    }

    @GET
    @Path("/{processingGroup}")
    @Blocking
    @RolesAllowed({Roles.ADMIN, Roles.AUDITOR})
    public List<DeadLetters.Parked> parked(@PathParam("processingGroup") String processingGroup) {
        return deadLetters.parked(processingGroup);
    }

    @POST
    @Path("/{processingGroup}/replay")
    @Blocking
    @RolesAllowed(Roles.ADMIN)
    public DeadLetters.Replay replay(@PathParam("processingGroup") String processingGroup) {
        return deadLetters.replay(processingGroup);
    }
}
