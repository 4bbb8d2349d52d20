package org.fieldsafety.fsca.console.changecontrol;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.fieldsafety.fsca.console.ConsoleAuditResource;
import org.fieldsafety.fsca.console.PageAnswer;
import org.fieldsafety.fsca.console.changecontrol.ChangeControlViews.ChangeRequest;
import org.fieldsafety.fsca.console.changecontrol.ChangeControlViews.ProblemReport;
import org.fieldsafety.fsca.console.changecontrol.ChangeControlViews.TraceRow;
import org.fieldsafety.platform.Roles;
import org.fieldsafety.platform.signin.TokenClaims;
import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The quality and engineering pages of the one console: problem reports (IEC 62304 clause 9), change requests
 * (6.2, 8.2) and the traceability matrix (8.2.4), read from change control's API as the signed-in user
 * ({@link ChangeControlClient}); their steps are {@link ChangeControlStepResource}'s. Every staff role may
 * look, as change control lets them; a page offers only the forms of the viewer's roles.
 */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
@Blocking
@RolesAllowed({Roles.REGULATORY_AFFAIRS, Roles.QUALITY_ASSURANCE, Roles.ENGINEERING, Roles.AUDITOR, Roles.ADMIN})
public class ChangeControlPages {

    private final ChangeControlClient changeControl;
    private final SecurityIdentity identity;

    ChangeControlPages(@RestClient ChangeControlClient changeControl, SecurityIdentity identity) {
        this.changeControl = changeControl;
        this.identity = identity;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance problemReports(
                List<ProblemReport> reports, String status, List<String> statuses, String user);

        static native TemplateInstance problemReport(
                ProblemReport report, List<ChangeRequest> changeRequests, String problem, String user);

        static native TemplateInstance changeRequests(
                List<ChangeRequest> changes, String status, List<String> statuses, String user);

        static native TemplateInstance changeRequest(
                ChangeRequest change, ChangeRequestPath path, List<SafetyClassed> items, String problem, String user);

        static native TemplateInstance traceability(List<TraceRow> rows, String user);
    }

    /** An affected item of a change request with the safety class its impact analysis gave it. */
    public record SafetyClassed(String item, String safetyClass) {}

    static final List<String> PROBLEM_REPORT_STATUSES =
            List.of("OPEN", "INVESTIGATED", "CHANGE_REQUESTED", "NO_ACTION", "RESOLUTION_VERIFIED", "CLOSED");
    static final List<String> CHANGE_REQUEST_STATUSES = List.of(
            "RAISED",
            "IMPACT_ANALYSIS_REQUIRED",
            "IMPACT_ANALYSED",
            "APPROVED",
            "IMPLEMENTED",
            "VERIFIED",
            "RELEASED",
            "COMMUNICATED",
            "CLOSED");

    /** The problem reports, the oldest first; those of one status when {@code status} names one. */
    @GET
    @Path("problem-reports")
    public TemplateInstance problemReports(@QueryParam("status") String status) {
        String filter = known(PROBLEM_REPORT_STATUSES, status);
        return Templates.problemReports(changeControl.problemReports(filter), filter, PROBLEM_REPORT_STATUSES, user());
    }

    /**
     * One problem report: its criticality, investigation, resolution and the field evidence of it, links and
     * reopenings, and the forms of the steps it can take now; with the problem of a step just refused.
     */
    @GET
    @Path("problem-reports/{id}")
    public RestResponse<TemplateInstance> problemReport(
            @RestPath String id, @RestCookie(PageAnswer.PROBLEM_COOKIE) String problem) {
        ProblemReport report = changeControl.problemReport(id);
        List<ChangeRequest> changes = report.links() == null || report.links().changeRequestIds() == null
                ? List.of()
                : report.links().changeRequestIds().stream()
                        .map(changeControl::changeRequest)
                        .toList();
        return answer(
                Templates.problemReport(report, changes, PageAnswer.problem(problem), user()),
                problemReportPage(id),
                problem);
    }

    /** What a problem report's page polls to refresh itself: the report's version. */
    @GET
    @Path("problem-reports/{id}/version")
    @Produces(MediaType.TEXT_PLAIN)
    public String problemReportVersion(@RestPath String id) {
        return String.valueOf(changeControl.problemReport(id).version());
    }

    /** The problem report's audit trail as change control verified it now (21 CFR 11.10(e)). */
    @GET
    @Path("problem-reports/{id}/audit")
    public TemplateInstance problemReportAudit(@RestPath String id) {
        return ConsoleAuditResource.trail(
                "problem report " + id,
                problemReportPage(id).toString(),
                changeControl.audit("problem-reports", id),
                user());
    }

    /** The change requests, the oldest first; those of one status when {@code status} names one. */
    @GET
    @Path("change-requests")
    public TemplateInstance changeRequests(@QueryParam("status") String status) {
        String filter = known(CHANGE_REQUEST_STATUSES, status);
        return Templates.changeRequests(changeControl.changeRequests(filter), filter, CHANGE_REQUEST_STATUSES, user());
    }

    /** One change request: its path through its states, each step's record, and the forms of the next steps. */
    @GET
    @Path("change-requests/{id}")
    public RestResponse<TemplateInstance> changeRequest(
            @RestPath String id, @RestCookie(PageAnswer.PROBLEM_COOKIE) String problem) {
        ChangeRequest change = changeControl.changeRequest(id);
        return answer(
                Templates.changeRequest(
                        change, ChangeRequestPath.of(change), items(change), PageAnswer.problem(problem), user()),
                changeRequestPage(id),
                problem);
    }

    /** What a change request's page polls to refresh itself: the change request's version. */
    @GET
    @Path("change-requests/{id}/version")
    @Produces(MediaType.TEXT_PLAIN)
    public String changeRequestVersion(@RestPath String id) {
        return String.valueOf(changeControl.changeRequest(id).version());
    }

    /** The change request's audit trail as change control verified it now (21 CFR 11.10(e)). */
    @GET
    @Path("change-requests/{id}/audit")
    public TemplateInstance changeRequestAudit(@RestPath String id) {
        return ConsoleAuditResource.trail(
                "change request " + id,
                changeRequestPage(id).toString(),
                changeControl.audit("change-requests", id),
                user());
    }

    /** The traceability matrix (IEC 62304 8.2.4), one row per change request. */
    @GET
    @Path("traceability")
    public TemplateInstance traceability() {
        return Templates.traceability(changeControl.traceability(), user());
    }

    /** The traceability matrix as change control writes it in CSV, for the design history file. */
    @GET
    @Path("traceability.csv")
    @Produces("text/csv")
    public RestResponse<String> traceabilityCsv() {
        return RestResponse.ResponseBuilder.ok(changeControl.traceabilityCsv("csv"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"traceability.csv\"")
                .build();
    }

    /**
     * The items a change request affects with the safety class its analysis gave each (an item it left out
     * counts as class C, as change control counts it); the items it names before an analysis.
     */
    static List<SafetyClassed> items(ChangeRequest change) {
        if (change.impactAnalysis() == null) {
            return change.softwareItems().stream()
                    .map(item -> new SafetyClassed(item, null))
                    .toList();
        }
        Map<String, String> classes = change.impactAnalysis().safetyClasses() == null
                ? Map.of()
                : change.impactAnalysis().safetyClasses();
        return change.impactAnalysis().affectedItems().stream()
                .map(item -> new SafetyClassed(item, classes.getOrDefault(item, "C")))
                .toList();
    }

    /** {@code status} when it is one of {@code statuses}, else null (no filter). */
    static String known(List<String> statuses, String status) {
        return status != null && statuses.contains(status) ? status : null;
    }

    static URI problemReportPage(String id) {
        return UriBuilder.fromPath("/console/problem-reports/{id}").build(id);
    }

    static URI changeRequestPage(String id) {
        return UriBuilder.fromPath("/console/change-requests/{id}").build(id);
    }

    private static RestResponse<TemplateInstance> answer(TemplateInstance page, URI address, String problem) {
        return problem == null
                ? RestResponse.ok(page)
                : RestResponse.ResponseBuilder.ok(page)
                        .cookie(PageAnswer.shown(address))
                        .build();
    }

    private String user() {
        return TokenClaims.fullName(identity.getPrincipal());
    }
}
