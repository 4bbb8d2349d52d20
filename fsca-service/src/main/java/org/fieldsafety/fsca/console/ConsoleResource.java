package org.fieldsafety.fsca.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fieldsafety.eventstore.readmodel.ViewPage;
import org.fieldsafety.fsca.cases.CaseStatus;
import org.fieldsafety.fsca.cases.FscaAction;
import org.fieldsafety.fsca.cases.FscaCaseService;
import org.fieldsafety.fsca.cases.FscaDecision;
import org.fieldsafety.fsca.cases.OpenCases;
import org.fieldsafety.fsca.cases.api.FscaCaseResponse;
import org.fieldsafety.fsca.cases.api.FscaCaseSummary;
import org.fieldsafety.fsca.cases.query.FscaCaseView;
import org.fieldsafety.fsca.vigilance.ReportTally;
import org.fieldsafety.fsca.vigilance.VigilanceReportService;
import org.fieldsafety.fsca.vigilance.VigilanceReportStatus;
import org.fieldsafety.fsca.vigilance.query.VigilanceReportView;
import org.fieldsafety.platform.Roles;
import org.fieldsafety.platform.domain.RuleViolation;
import org.fieldsafety.platform.signin.TokenClaims;
import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The regulatory staff console: server-rendered pages over the application service the API uses ({@link
 * FscaCaseService}), so the console reads, decides and signs exactly as the API does. Every staff role may
 * look; only regulatory affairs decides, with the electronic signature of 21 CFR 11.50 and 11.200.
 */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
public class ConsoleResource {

    /** The statuses of the cases in the queue, to filter by. */
    private static final List<CaseStatus> OPEN_STATUSES = Arrays.stream(CaseStatus.values())
            .filter(status -> status != CaseStatus.CLOSED)
            .toList();

    private final FscaCaseService cases;
    private final VigilanceReportService reports;
    private final SecurityIdentity identity;
    private final Clock clock;

    ConsoleResource(FscaCaseService cases, VigilanceReportService reports, SecurityIdentity identity, Clock clock) {
        this.cases = cases;
        this.reports = reports;
        this.identity = identity;
        this.clock = clock;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance queue(
                List<FscaCaseSummary> cases,
                Paging paging,
                String product,
                List<String> products,
                String status,
                List<CaseStatus> statuses,
                DeadlineChart chart,
                List<ReportRow> drafts,
                long draftCount,
                String version,
                String user,
                Instant now);

        static native TemplateInstance fscaCase(
                FscaCaseResponse fsca,
                List<CaseTimeline.Entry> timeline,
                String problem,
                boolean canAct,
                List<FscaDecision> decisions,
                List<FscaAction> actions,
                List<CaseForms.Choice> clocks,
                List<CaseForms.Recipient> recipients,
                List<ReportRow> reports,
                AcknowledgementChart acknowledgementChart,
                String user);

        static native TemplateInstance notice(
                String caseId, FscaCaseService.Notice notice, String problem, String user);

        static native TemplateInstance signedOut();
    }

    /**
     * Where the identity provider returns a browser after signing out ({@code /console/logout}, handled by
     * the console's OIDC tenant, ends the session there and here).
     */
    @GET
    @Path("signed-out")
    @PermitAll
    public TemplateInstance signedOut() {
        return Templates.signedOut();
    }

    /**
     * The queue, of a {@code product} when asked: the first page of the vigilance reports that wait for
     * regulatory affairs (drafts, the next due first, those overdue marked; the vigilance reports' pages list
     * them all) and how many wait; the cases not yet closed, in a {@code status} when asked, the nearest
     * reporting deadline first, {@value Paging#SIZE} to a {@code page} (from 1) with how many there are, and
     * their deadlines on a time axis with today's line; no incident loaded.
     */
    @GET
    @RolesAllowed({Roles.REGULATORY_AFFAIRS, Roles.QUALITY_ASSURANCE, Roles.ENGINEERING, Roles.AUDITOR, Roles.ADMIN})
    public Uni<TemplateInstance> queue(
            @RestQuery @DefaultValue("1") @Min(1) int page, @RestQuery String product, @RestQuery CaseStatus status) {
        String productId = product == null || product.isBlank() ? null : product;
        return cases.openCases()
                .chain(open -> reports.tally().chain(tally -> cases.queue(productId, status, page - 1, Paging.SIZE)
                        .chain(rows -> drafts(productId, tally)
                                .map(drafts -> queuePage(page, productId, status, rows, open, drafts, tally)))));
    }

    /**
     * The first page of the drafts on the cases of {@code productId}, counted; of every product, counted by
     * the {@code tally} already read (a count of its own would read every draft again).
     */
    private Uni<ViewPage<VigilanceReportView>> drafts(String productId, ReportTally tally) {
        if (productId == null) {
            return reports.rows(VigilanceReportStatus.DRAFT, null, 0, Paging.SIZE)
                    .map(rows -> new ViewPage<>(rows, tally.count(VigilanceReportStatus.DRAFT)));
        }
        return reports.page(VigilanceReportStatus.DRAFT, productId, 0, Paging.SIZE);
    }

    private TemplateInstance queuePage(
            int page,
            String productId,
            CaseStatus status,
            List<FscaCaseView> rows,
            OpenCases open,
            ViewPage<VigilanceReportView> drafts,
            ReportTally tally) {
        List<FscaCaseSummary> summaries =
                rows.stream().map(view -> FscaCaseSummary.of(view, clock)).toList();
        Instant now = clock.instant();
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("product", productId);
        filters.put("status", status);
        return Templates.queue(
                summaries,
                Paging.of(page, open.count(productId, status), "/console", filters),
                productId == null ? "" : productId,
                open.products(),
                status == null ? "" : status.name(),
                OPEN_STATUSES,
                DeadlineChart.of(summaries, now),
                drafts.rows().stream().map(draft -> ReportRow.of(draft, now)).toList(),
                drafts.total(),
                version(open, tally),
                user(),
                now);
    }

    /**
     * What the queue page polls to refresh itself: changes whenever an open case changes, opens or closes, and
     * whenever a vigilance report is drafted or changes (read before the queue it stands for, so a change in
     * between shows as one more refresh, never as none).
     */
    @GET
    @Path("version")
    @Produces(MediaType.TEXT_PLAIN)
    @RolesAllowed({Roles.REGULATORY_AFFAIRS, Roles.QUALITY_ASSURANCE, Roles.ENGINEERING, Roles.AUDITOR, Roles.ADMIN})
    public Uni<String> queueVersion() {
        return cases.openCases().chain(open -> reports.tally().map(tally -> version(open, tally)));
    }

    private static String version(OpenCases open, ReportTally tally) {
        return open.version() + "-" + tally.version();
    }

    /** What a case page polls to refresh itself: the case's version, its last event's sequence number. */
    @GET
    @Path("cases/{caseId}/version")
    @Produces(MediaType.TEXT_PLAIN)
    @RolesAllowed({Roles.REGULATORY_AFFAIRS, Roles.QUALITY_ASSURANCE, Roles.ENGINEERING, Roles.AUDITOR, Roles.ADMIN})
    public Uni<String> caseVersion(@RestPath String caseId) {
        return cases.version(caseId).map(String::valueOf);
    }

    /**
     * One case: its incidents and the state of each clock, its trend signals (its problem's chart is {@link
     * ConsoleProblemResource}'s), its notices' acknowledgements as a chart ({@link AcknowledgementChart}), the
     * worst risk, the timeline and, for regulatory
     * affairs, the form of every step the case can take now ({@link ConsoleStepResource}); its vigilance
     * reports; with the problem of a step just refused ({@link PageAnswer}, read once).
     */
    @GET
    @Path("cases/{caseId}")
    @RolesAllowed({Roles.REGULATORY_AFFAIRS, Roles.QUALITY_ASSURANCE, Roles.ENGINEERING, Roles.AUDITOR, Roles.ADMIN})
    public Uni<RestResponse<TemplateInstance>> fscaCase(
            @RestPath String caseId, @RestCookie(PageAnswer.PROBLEM_COOKIE) String problem) {
        return cases.get(caseId)
                .map(details -> FscaCaseResponse.of(details, clock))
                .chain(fsca -> reports.list(caseId, null).map(all -> {
                    Instant now = clock.instant();
                    TemplateInstance page = Templates.fscaCase(
                            fsca,
                            CaseTimeline.of(fsca),
                            PageAnswer.problem(problem),
                            identity.hasRole(Roles.REGULATORY_AFFAIRS),
                            List.of(FscaDecision.values()),
                            List.of(FscaAction.values()),
                            CaseForms.decidableClocks(fsca),
                            CaseForms.recipients(fsca),
                            all.stream()
                                    .map(report -> ReportRow.of(report, now))
                                    .toList(),
                            AcknowledgementChart.of(fsca.fieldSafetyNotices(), fsca.deliveryFailures(), now),
                            user());
                    return problem == null
                            ? RestResponse.ok(page)
                            : RestResponse.ResponseBuilder.ok(page)
                                    .cookie(PageAnswer.shown(casePage(caseId)))
                                    .build();
                }));
    }

    /** The case page's address. */
    static URI casePage(String caseId) {
        return UriBuilder.fromPath("/console/cases/{caseId}").build(caseId);
    }

    /** The Field Safety Notice as issued, or its preview; explains why there is none when not required. */
    @GET
    @Path("cases/{caseId}/notice")
    @RolesAllowed({Roles.REGULATORY_AFFAIRS, Roles.QUALITY_ASSURANCE, Roles.ENGINEERING, Roles.AUDITOR, Roles.ADMIN})
    public Uni<TemplateInstance> notice(@RestPath String caseId) {
        return cases.notice(caseId)
                .map(notice -> Templates.notice(caseId, notice, null, user()))
                .onFailure(RuleViolation.class)
                .recoverWithItem(e -> Templates.notice(caseId, null, e.getMessage(), user()));
    }

    /** The signed-in user's full name from the identity provider. */
    private String user() {
        return TokenClaims.fullName(identity.getPrincipal());
    }
}
