package org.fieldsafety.fsca.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.fieldsafety.eventstore.audit.AuditTrail;
import org.fieldsafety.fsca.cases.FscaCase;
import org.fieldsafety.fsca.vigilance.VigilanceReport;
import org.fieldsafety.platform.Roles;
import org.fieldsafety.platform.signature.SignatureFailure;
import org.fieldsafety.platform.signature.SignatureFailures;
import org.fieldsafety.platform.signin.TokenClaims;
import org.jboss.resteasy.reactive.RestPath;

/**
 * What auditors read in the console: a case's or a vigilance report's audit trail, verified when the page is
 * shown (21 CFR 11.10(e)), as the API's audit endpoints serve it, and the refused signatures (21 CFR
 * 11.300(d)). Nothing here changes anything.
 */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
public class ConsoleAuditResource {

    private final AuditTrail trail;
    private final SignatureFailures failures;
    private final SecurityIdentity identity;

    ConsoleAuditResource(AuditTrail trail, SignatureFailures failures, SecurityIdentity identity) {
        this.trail = trail;
        this.failures = failures;
        this.identity = identity;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance audit(
                String record, String recordPage, boolean verified, List<Entry> entries, String user);

        static native TemplateInstance signatureFailures(List<SignatureFailure> failures, String user);
    }

    /** One event of a trail as the page shows it: the step in words, the time as an instant, the link's hash. */
    public record Entry(
            long sequence, String step, String who, Instant at, String hash, boolean intact, String payload) {

        static Entry of(AuditTrail.AuditEntry entry) {
            return new Entry(
                    entry.sequence(),
                    ConsoleLabels.step(entry.type()),
                    entry.who(),
                    Instant.parse(entry.at()),
                    entry.hash(),
                    entry.intact(),
                    entry.payload().toPrettyString());
        }
    }

    @GET
    @Path("cases/{caseId}/audit")
    @Blocking
    @RolesAllowed({Roles.REGULATORY_AFFAIRS, Roles.QUALITY_ASSURANCE, Roles.ENGINEERING, Roles.AUDITOR, Roles.ADMIN})
    public TemplateInstance caseAudit(@RestPath String caseId) {
        return page(
                "FSCA case " + ConsoleLabels.shortId(caseId),
                "/console/cases/" + caseId,
                trail.audit(FscaCase.class, caseId));
    }

    @GET
    @Path("vigilance-reports/{id}/audit")
    @Blocking
    @RolesAllowed({Roles.REGULATORY_AFFAIRS, Roles.QUALITY_ASSURANCE, Roles.AUDITOR})
    public TemplateInstance reportAudit(@RestPath String id) {
        return page(
                "vigilance report " + ConsoleLabels.shortId(id),
                ConsoleReportResource.reportPage(id).toString(),
                trail.audit(VigilanceReport.class, id));
    }

    @GET
    @Path("signature-failures")
    @Blocking
    @RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
    public TemplateInstance signatureFailures() {
        return Templates.signatureFailures(failures.latest(), user());
    }

    private TemplateInstance page(String record, String recordPage, AuditTrail.Audit audit) {
        return trail(record, recordPage, audit, user());
    }

    /** The page of a record's audit trail, of this service's or as another service verified it ({@code record} in words). */
    public static TemplateInstance trail(String record, String recordPage, AuditTrail.Audit audit, String user) {
        return Templates.audit(
                record,
                recordPage,
                audit.verified(),
                audit.entries().stream().map(Entry::of).toList(),
                user);
    }

    private String user() {
        return TokenClaims.fullName(identity.getPrincipal());
    }
}
