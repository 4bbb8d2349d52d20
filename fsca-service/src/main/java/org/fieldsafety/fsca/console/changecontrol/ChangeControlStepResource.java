package org.fieldsafety.fsca.console.changecontrol;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.fieldsafety.fsca.console.ConsoleStepResource;
import org.fieldsafety.fsca.console.FormSteps;
import org.fieldsafety.fsca.console.PageAnswer;
import org.fieldsafety.platform.Roles;
import org.fieldsafety.platform.domain.DomainException;
import org.fieldsafety.platform.domain.NotFound;
import org.fieldsafety.platform.signature.SignatureMeaning;
import org.fieldsafety.platform.signature.SignatureRequest;
import org.fieldsafety.platform.time.Waiting;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;

/**
 * The forms of the problem report and change request pages: each step sent to change control as the
 * signed-in user ({@link ChangeControlClient}), which checks the user's role and the step's rule; back to the
 * page as every console form answers ({@link FormSteps}), with change control's refusal (the rule and its
 * IEC 62304 clause) when it refused. Each step form carries the record version its page showed ({@code
 * version}), sent as {@code If-Match}: a record that moved on since refuses the step, and nothing is applied.
 */
@Path("/console")
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@Blocking
@RolesAllowed({Roles.ENGINEERING, Roles.QUALITY_ASSURANCE, Roles.CCB_MEMBER, Roles.REGULATORY_AFFAIRS})
public class ChangeControlStepResource {

    private static final String PROBLEM_REPORTS = "problem-reports";
    private static final String CHANGE_REQUESTS = "change-requests";
    private static final Duration READ_WAIT = Duration.ofSeconds(5);
    private static final Duration READ_WAIT_PAUSE = Duration.ofMillis(100);

    private final ChangeControlClient changeControl;
    private final FormSteps steps;
    private final Clock clock;

    ChangeControlStepResource(@RestClient ChangeControlClient changeControl, FormSteps steps, Clock clock) {
        this.changeControl = changeControl;
        this.steps = steps;
        this.clock = clock;
    }

    /** A problem report opened by hand (IEC 62304 9.1); to its page once opened. */
    @POST
    @Path("problem-reports")
    public Response openProblemReport(
            @RestForm String productId,
            @RestForm String softwareItem,
            @RestForm String softwareVersion,
            @RestForm String faultCode,
            @RestForm String description,
            @RestForm String criticality,
            @RestForm String criticalityStatement) {
        try {
            String id = changeControl
                    .openProblemReport(new ChangeControlSteps.OpenProblemReport(
                            productId,
                            softwareItem,
                            blankToNull(softwareVersion),
                            blankToNull(faultCode),
                            description,
                            new ChangeControlSteps.Criticality(criticality, criticalityStatement)))
                    .id();
            awaitRead(() -> visible(() -> changeControl.problemReport(id)));
            return PageAnswer.back(ChangeControlPages.problemReportPage(id), null);
        } catch (DomainException e) {
            return PageAnswer.back(URI.create("/console/problem-reports"), e.getMessage());
        }
    }

    /** The investigation (IEC 62304 9.2). */
    @POST
    @Path("problem-reports/{id}/investigation")
    public Response investigate(
            @RestPath String id,
            @RestForm Long version,
            @RestForm String cause,
            @RestForm boolean safetyRelevant,
            @RestForm String safetyRelevance,
            @RestForm String outcome) {
        return problemStep(
                id,
                "investigation",
                version,
                () -> new ChangeControlSteps.Investigation(cause, safetyRelevant, safetyRelevance, outcome));
    }

    /** The change requests that resolve the problem, one id a line (IEC 62304 9.4). */
    @POST
    @Path("problem-reports/{id}/change-requests")
    public Response linkChangeRequests(@RestPath String id, @RestForm Long version, @RestForm String changeRequestIds) {
        return problemStep(
                id,
                "change-requests",
                version,
                () -> new ChangeControlSteps.LinkChangeRequests(ConsoleStepResource.lines(changeRequestIds)));
    }

    /** No change is made, and why (IEC 62304 9.2). */
    @POST
    @Path("problem-reports/{id}/no-action")
    public Response decideNoAction(@RestPath String id, @RestForm Long version, @RestForm String rationale) {
        return problemStep(id, "no-action", version, () -> new ChangeControlSteps.NoAction(rationale));
    }

    /** The parties advised, one a line, and when (IEC 62304 9.3); times in UTC, empty: now. */
    @POST
    @Path("problem-reports/{id}/parties-advised")
    public Response adviseParties(
            @RestPath String id, @RestForm Long version, @RestForm String parties, @RestForm String advisedAt) {
        return problemStep(
                id,
                "parties-advised",
                version,
                () -> new ChangeControlSteps.PartiesAdvised(
                        ChangeControlSteps.parties(parties, utcOrNow("advisedAt", advisedAt))));
    }

    /** Quality assurance's verification of the resolution; change control checks the field (IEC 62304 9.7). */
    @POST
    @Path("problem-reports/{id}/resolution-verification")
    public Response verifyResolution(
            @RestPath String id,
            @RestForm Long version,
            @RestForm boolean resolved,
            @RestForm boolean trendReversed,
            @RestForm boolean changeImplementedInRightItems,
            @RestForm boolean noNewProblems,
            @RestForm String fixedVersion) {
        return problemStep(
                id,
                "resolution-verification",
                version,
                () -> new ChangeControlSteps.ResolutionVerification(
                        resolved,
                        trendReversed,
                        changeImplementedInRightItems,
                        noNewProblems,
                        blankToNull(fixedVersion)));
    }

    /** The closure of a problem report (IEC 62304 9.7); change control checks the field again. */
    @POST
    @Path("problem-reports/{id}/closure")
    public Response closeProblemReport(@RestPath String id, @RestForm Long version) {
        return problemStep(id, "closure", version, Map::of);
    }

    /** A change request raised by hand, from a problem report or an FSCA case (IEC 62304 8.2.1); to its page. */
    @POST
    @Path("change-requests")
    public Response raiseChangeRequest(
            @RestForm String title,
            @RestForm String reason,
            @RestForm String productId,
            @RestForm String softwareItems,
            @RestForm String problemReportId,
            @RestForm String fscaCaseId) {
        try {
            String id = changeControl
                    .raiseChangeRequest(new ChangeControlSteps.RaiseChangeRequest(
                            title,
                            reason,
                            productId,
                            ConsoleStepResource.lines(softwareItems),
                            blankToNull(problemReportId),
                            blankToNull(fscaCaseId)))
                    .id();
            awaitRead(() -> visible(() -> changeControl.changeRequest(id)));
            return PageAnswer.back(ChangeControlPages.changeRequestPage(id), null);
        } catch (DomainException e) {
            return PageAnswer.back(
                    problemReportId == null || problemReportId.isBlank()
                            ? URI.create("/console/change-requests")
                            : ChangeControlPages.problemReportPage(problemReportId),
                    e.getMessage());
        }
    }

    /** The impact analysis, the affected items with their safety class (IEC 62304 8.2.1, 4.3). */
    @POST
    @Path("change-requests/{id}/impact-analysis")
    public Response analyseImpact(
            @RestPath String id,
            @RestForm Long version,
            @RestForm String summary,
            @RestForm String affectedItems,
            @RestForm String testsToRepeat) {
        return changeStep(
                id,
                "impact-analysis",
                version,
                () -> ChangeControlSteps.impactAnalysis(summary, affectedItems, testsToRepeat));
    }

    /** The change control board's signed approval (IEC 62304 8.2.1; 21 CFR 11.50, meaning APPROVAL). */
    @POST
    @Path("change-requests/{id}/approval")
    public Response approve(@RestPath String id, @RestForm Long version, @RestForm String password) {
        return changeStep(
                id,
                "approval",
                version,
                () -> new ChangeControlSteps.Approval(new SignatureRequest(password, SignatureMeaning.APPROVAL)));
    }

    /** The implementation: the version, its commits, and any reclassification (IEC 62304 8.2.2, 4.3). */
    @POST
    @Path("change-requests/{id}/implementation")
    public Response implement(
            @RestPath String id,
            @RestForm Long version,
            @RestForm String softwareVersion,
            @RestForm String commits,
            @RestForm String reclassifications) {
        return changeStep(
                id,
                "implementation",
                version,
                () -> new ChangeControlSteps.Implementation(
                        softwareVersion,
                        ConsoleStepResource.lines(commits),
                        ChangeControlSteps.reclassifications(reclassifications)));
    }

    /** The verification evidence, one record per affected item (IEC 62304 8.2.3, 9.8). */
    @POST
    @Path("change-requests/{id}/verification")
    public Response verify(
            @RestPath String id,
            @RestForm Long version,
            @RestForm String softwareVersion,
            @RestForm List<String> softwareItem,
            @RestForm List<String> results,
            @RestForm List<String> anomalies,
            @RestForm List<String> configuration,
            @RestForm List<String> tools,
            @RestForm List<String> date,
            @RestForm List<String> tester,
            @RestForm boolean regressionTestsRepeated) {
        return changeStep(
                id,
                "verification",
                version,
                () -> new ChangeControlSteps.Verification(
                        ChangeControlSteps.verificationRecords(
                                softwareItem, results, anomalies, softwareVersion, configuration, tools, date, tester),
                        regressionTestsRepeated));
    }

    /** The release of the verified version, with its residual anomalies (IEC 62304 8.2.4, 5.8). */
    @POST
    @Path("change-requests/{id}/release")
    public Response release(
            @RestPath String id,
            @RestForm Long version,
            @RestForm String softwareVersion,
            @RestForm String residualAnomalies) {
        return changeStep(
                id,
                "release",
                version,
                () -> new ChangeControlSteps.Release(softwareVersion, ConsoleStepResource.lines(residualAnomalies)));
    }

    /** What users and regulators were told (IEC 62304 6.2.5); times in UTC, empty: now. */
    @POST
    @Path("change-requests/{id}/communication")
    public Response communicate(
            @RestPath String id,
            @RestForm Long version,
            @RestForm String problem,
            @RestForm String riskOfContinuedUse,
            @RestForm String availableChange,
            @RestForm String installation,
            @RestForm String users,
            @RestForm String regulators,
            @RestForm String sentAt) {
        return changeStep(
                id,
                "communication",
                version,
                () -> new ChangeControlSteps.Communication(
                        problem,
                        riskOfContinuedUse,
                        availableChange,
                        installation,
                        ChangeControlSteps.recipients(users, regulators),
                        utcOrNow("sentAt", sentAt)));
    }

    /** The closure of a change request. */
    @POST
    @Path("change-requests/{id}/closure")
    public Response closeChangeRequest(@RestPath String id, @RestForm Long version, @RestForm String summary) {
        return changeStep(id, "closure", version, () -> new ChangeControlSteps.Closure(summary));
    }

    private Response problemStep(String id, String step, Long version, Supplier<Object> body) {
        return steps.take(ChangeControlPages.problemReportPage(id), body, request -> {
            long before = version == null ? changeControl.problemReport(id).version() : version;
            changeControl.step(PROBLEM_REPORTS, id, step, ifMatch(version), request);
            awaitRead(() -> changeControl.problemReport(id).version() > before);
        });
    }

    private Response changeStep(String id, String step, Long version, Supplier<Object> body) {
        return steps.take(ChangeControlPages.changeRequestPage(id), body, request -> {
            long before = version == null ? changeControl.changeRequest(id).version() : version;
            changeControl.step(CHANGE_REQUESTS, id, step, ifMatch(version), request);
            awaitRead(() -> changeControl.changeRequest(id).version() > before);
        });
    }

    /** The {@code If-Match} that names the version a page showed; none when the form sent none. */
    private static String ifMatch(Long version) {
        return version == null ? null : "\"" + version + "\"";
    }

    /**
     * Change control answers a step once it is stored; its read model follows a moment later. The page the
     * user returns to should show their step, so the answer waits (at most 5 s) until change control reads
     * it; the page's polling covers a longer lag.
     */
    private static void awaitRead(BooleanSupplier seen) {
        Waiting.until(seen, READ_WAIT, READ_WAIT_PAUSE);
    }

    /** Whether change control reads the record yet. */
    private static boolean visible(Runnable read) {
        try {
            read.run();
            return true;
        } catch (NotFound notYet) {
            return false;
        }
    }

    /** A form's date and time in UTC, or now when left empty. */
    private Instant utcOrNow(String field, String value) {
        Instant at = ConsoleStepResource.utc(field, value);
        return at == null ? clock.instant() : at;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
