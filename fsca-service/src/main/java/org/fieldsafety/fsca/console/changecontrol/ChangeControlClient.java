package org.fieldsafety.fsca.console.changecontrol;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.fieldsafety.eventstore.audit.AuditTrail;
import org.fieldsafety.fsca.console.UserToken;

/**
 * Change-control-service's REST API as the console calls it ({@code fieldsafety.change-control.url}), with the
 * signed-in user's access token ({@link UserToken}): change control checks the user's roles and its rules
 * itself, and a refused call comes back as the domain refusal its RFC 9457 problem names ({@link
 * ChangeControlProblems}).
 */
@RegisterRestClient(configKey = "change-control")
@RegisterClientHeaders(UserToken.class)
@RegisterProvider(ChangeControlProblems.class)
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface ChangeControlClient {

    /** Problem reports, the oldest first; every one when {@code status} is null. */
    @GET
    @Path("problem-reports")
    List<ChangeControlViews.ProblemReport> problemReports(@QueryParam("status") String status);

    @GET
    @Path("problem-reports/{id}")
    ChangeControlViews.ProblemReport problemReport(@PathParam("id") String id);

    /** Opens a problem report by hand; answers its id. */
    @POST
    @Path("problem-reports")
    @Consumes(MediaType.APPLICATION_JSON)
    ChangeControlViews.Created openProblemReport(ChangeControlSteps.OpenProblemReport report);

    /** Change requests, the oldest first; every one when {@code status} is null. */
    @GET
    @Path("change-requests")
    List<ChangeControlViews.ChangeRequest> changeRequests(@QueryParam("status") String status);

    @GET
    @Path("change-requests/{id}")
    ChangeControlViews.ChangeRequest changeRequest(@PathParam("id") String id);

    /** Raises a change request by hand; answers it with its id. */
    @POST
    @Path("change-requests")
    @Consumes(MediaType.APPLICATION_JSON)
    ChangeControlViews.Created raiseChangeRequest(ChangeControlSteps.RaiseChangeRequest request);

    /**
     * One step of a record ({@code records}: {@code problem-reports} or {@code change-requests}), such as {@code
     * investigation} or {@code approval}, with its body as the API reference describes it, on the record at the
     * version {@code ifMatch} names (null: any).
     */
    @POST
    @Path("{records}/{id}/{step}")
    @Consumes(MediaType.APPLICATION_JSON)
    void step(
            @PathParam("records") String records,
            @PathParam("id") String id,
            @PathParam("step") String step,
            @HeaderParam("If-Match") String ifMatch,
            Object body);

    /** A record's audit trail, verified now ({@code records} as at {@link #step}). */
    @GET
    @Path("{records}/{id}/audit")
    AuditTrail.Audit audit(@PathParam("records") String records, @PathParam("id") String id);

    @GET
    @Path("traceability")
    List<ChangeControlViews.TraceRow> traceability();

    /** The traceability matrix as CSV (RFC 4180), as change control writes it. */
    @GET
    @Path("traceability")
    @Produces("text/csv")
    String traceabilityCsv(@QueryParam("format") String format);
}
