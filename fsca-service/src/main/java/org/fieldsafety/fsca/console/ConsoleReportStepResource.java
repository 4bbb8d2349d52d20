package org.fieldsafety.fsca.console;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.fieldsafety.fsca.vigilance.VigilanceReportService;
import org.fieldsafety.fsca.vigilance.api.VigilanceRequests.AcknowledgementRequest;
import org.fieldsafety.fsca.vigilance.api.VigilanceRequests.DraftRequest;
import org.fieldsafety.fsca.vigilance.api.VigilanceRequests.InvestigationRequest;
import org.fieldsafety.fsca.vigilance.api.VigilanceRequests.SubmissionRequest;
import org.fieldsafety.platform.Roles;
import org.fieldsafety.platform.signature.SignatureMeaning;
import org.fieldsafety.platform.signature.SignatureRequest;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;

/**
 * A vigilance report page's forms, regulatory affairs' alone: the draft's completion, the signed submission
 * and the authority's answer, taken through the application service the API uses ({@link
 * VigilanceReportService}) with the API's own request records and their validation ({@link FormSteps}). Each
 * form carries the report version its page showed ({@code version}): a report that moved on since refuses the
 * step (409 {@code concurrent-change}). Each answers 303 back to the report page, with the rule's text when the
 * step was refused.
 */
@Path("/console")
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@Blocking
@RolesAllowed(Roles.REGULATORY_AFFAIRS)
public class ConsoleReportStepResource {

    private final VigilanceReportService reports;
    private final FormSteps steps;
    private final SecurityIdentity identity;

    ConsoleReportStepResource(VigilanceReportService reports, FormSteps steps, SecurityIdentity identity) {
        this.reports = reports;
        this.steps = steps;
        this.identity = identity;
    }

    /**
     * The draft's narrative, investigation and IMDRF codes (Annexes A, E, F of the incident; B, C, D, G of the
     * investigation), codes separated by commas or spaces, each validated against the loaded release.
     */
    @POST
    @Path("vigilance-reports/{id}/draft")
    public Response complete(
            @RestPath String id,
            @RestForm Long version,
            @RestForm String narrative,
            @RestForm String deviceProblems,
            @RestForm String clinicalSigns,
            @RestForm String healthImpacts,
            @RestForm String investigationTypes,
            @RestForm String findings,
            @RestForm String conclusions,
            @RestForm String components,
            @RestForm String rootCause,
            @RestForm String similarIncidents,
            @RestForm String correctiveActions,
            @RestForm boolean deviceEvaluated) {
        return step(
                id,
                () -> new DraftRequest(
                        orNull(narrative),
                        ReportForms.codes(deviceProblems),
                        ReportForms.codes(clinicalSigns),
                        ReportForms.codes(healthImpacts),
                        new InvestigationRequest(
                                ReportForms.codes(investigationTypes),
                                ReportForms.codes(findings),
                                ReportForms.codes(conclusions),
                                ReportForms.codes(components),
                                orNull(rootCause),
                                orNull(similarIncidents),
                                orNull(correctiveActions),
                                deviceEvaluated)),
                r -> reports.complete(
                        id, r.completion(), identity.getPrincipal().getName(), version));
    }

    /** The signed submission (21 CFR 11.50; meaning APPROVAL); {@code submittedAt} in UTC, empty: now. */
    @POST
    @Path("vigilance-reports/{id}/submission")
    public Response submit(
            @RestPath String id,
            @RestForm Long version,
            @RestForm String reference,
            @RestForm String submittedAt,
            @RestForm String password) {
        return step(
                id,
                () -> new SubmissionRequest(
                        reference,
                        ConsoleStepResource.utc("submittedAt", submittedAt),
                        new SignatureRequest(password, SignatureMeaning.APPROVAL)),
                r -> reports.submit(id, r.reference(), r.submittedAt(), r.signature(), identity, version));
    }

    /** The authority's answer: accepted with its reference, or rejected with the reason. */
    @POST
    @Path("vigilance-reports/{id}/acknowledgement")
    public Response acknowledge(
            @RestPath String id,
            @RestForm Long version,
            @RestForm Boolean accepted,
            @RestForm String authorityReference,
            @RestForm String reason) {
        return step(
                id,
                () -> new AcknowledgementRequest(accepted, orNull(authorityReference), orNull(reason)),
                r -> reports.acknowledge(
                        id,
                        r.accepted(),
                        r.authorityReference(),
                        r.reason(),
                        identity.getPrincipal().getName(),
                        version));
    }

    private <R> Response step(String id, Supplier<R> form, Consumer<R> step) {
        return steps.takeAndShow(ConsoleReportResource.reportPage(id), form, step);
    }

    /** A field left empty as none, as the API's request leaves it out (an empty text is no text in the files). */
    private static String orNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
