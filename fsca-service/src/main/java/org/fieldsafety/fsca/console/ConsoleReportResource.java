package org.fieldsafety.fsca.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.fieldsafety.fsca.vigilance.VigilanceReportService;
import org.fieldsafety.fsca.vigilance.VigilanceReportStatus;
import org.fieldsafety.fsca.vigilance.render.VigilanceDocuments;
import org.fieldsafety.platform.Roles;
import org.fieldsafety.platform.signin.TokenClaims;
import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The console's vigilance reports: the list, and each report with its document's preview and, for regulatory
 * affairs, the forms of its steps ({@link ConsoleReportStepResource}); read through the application service
 * the API uses ({@link VigilanceReportService}). The roles are the API's: regulatory affairs, quality
 * assurance and auditors. Its path is the console's, as {@link ConsoleStepResource} explains.
 */
@Path("/console")
@RolesAllowed({Roles.REGULATORY_AFFAIRS, Roles.QUALITY_ASSURANCE, Roles.AUDITOR})
public class ConsoleReportResource {

    static final String PDF = "application/pdf";

    private final VigilanceReportService reports;
    private final SecurityIdentity identity;
    private final Clock clock;

    ConsoleReportResource(VigilanceReportService reports, SecurityIdentity identity, Clock clock) {
        this.reports = reports;
        this.identity = identity;
        this.clock = clock;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance reports(
                List<ReportRow> reports, Paging paging, List<String> statuses, String status, String user);

        static native TemplateInstance report(
                ReportPage report, ReportForms.Draft draft, String problem, boolean canAct, String user);
    }

    /**
     * Every report, or those of one {@code status}, the next due first, {@value Paging#SIZE} to a {@code page}
     * (from 1) with how many there are.
     */
    @GET
    @Path("vigilance-reports")
    @Produces(MediaType.TEXT_HTML)
    public Uni<TemplateInstance> list(
            @RestQuery VigilanceReportStatus status, @RestQuery @DefaultValue("1") @Min(1) int page) {
        Instant now = clock.instant();
        return reports.page(status, null, page - 1, Paging.SIZE)
                .map(listed -> Templates.reports(
                        listed.rows().stream()
                                .map(view -> ReportRow.of(view, now))
                                .toList(),
                        Paging.of(
                                page,
                                listed.total(),
                                "/console/vigilance-reports",
                                status == null ? Map.of() : Map.of("status", status)),
                        ReportForms.statuses(),
                        status == null ? "" : status.name(),
                        user()));
    }

    /**
     * One report: its duty, status and who did what when, its document's preview, and for regulatory affairs
     * the draft's form and the submission and acknowledgement forms; with the problem of a step just refused
     * ({@link PageAnswer}, read once).
     */
    @GET
    @Path("vigilance-reports/{id}")
    @Produces(MediaType.TEXT_HTML)
    public Uni<RestResponse<TemplateInstance>> report(
            @RestPath String id, @RestCookie(PageAnswer.PROBLEM_COOKIE) String problem) {
        return reports.compose(id).map(composed -> {
            TemplateInstance page = Templates.report(
                    ReportPage.of(composed, clock.instant()),
                    ReportForms.Draft.of(composed.view().details.content),
                    PageAnswer.problem(problem),
                    identity.hasRole(Roles.REGULATORY_AFFAIRS),
                    user());
            return problem == null
                    ? RestResponse.ok(page)
                    : RestResponse.ResponseBuilder.ok(page)
                            .cookie(PageAnswer.shown(reportPage(id)))
                            .build();
        });
    }

    /** What a report page polls to refresh itself: the report's version, its last event's sequence number. */
    @GET
    @Path("vigilance-reports/{id}/version")
    @Produces(MediaType.TEXT_PLAIN)
    public Uni<String> version(@RestPath String id) {
        return reports.version(id).map(String::valueOf);
    }

    /** The authority's form as the API serves it, shown in the page (inline). */
    @GET
    @Path("vigilance-reports/{id}/preview.pdf")
    @Produces(PDF)
    @Blocking
    public Response preview(@RestPath String id) {
        return file(reports.pdf(reports.composed(id).document()), "inline");
    }

    /** The authority's form, to download. */
    @GET
    @Path("vigilance-reports/{id}/pdf")
    @Produces(PDF)
    @Blocking
    public Response pdf(@RestPath String id) {
        return file(reports.pdf(reports.composed(id).document()), "attachment");
    }

    /** The submission file, checked against its schema, to download; 400 when the report lacks what it requires. */
    @GET
    @Path("vigilance-reports/{id}/xml")
    @Produces(MediaType.APPLICATION_XML)
    @Blocking
    public Response xml(@RestPath String id) {
        return file(reports.xml(reports.composed(id).document()), "attachment");
    }

    /** A report page's address. */
    static URI reportPage(String id) {
        return UriBuilder.fromPath("/console/vigilance-reports/{id}").build(id);
    }

    private static Response file(VigilanceDocuments.Rendition rendition, String disposition) {
        return Response.ok(rendition.content(), rendition.mediaType())
                .header("Content-Disposition", disposition + "; filename=\"" + rendition.fileName() + "\"")
                .build();
    }

    private String user() {
        return TokenClaims.fullName(identity.getPrincipal());
    }
}
