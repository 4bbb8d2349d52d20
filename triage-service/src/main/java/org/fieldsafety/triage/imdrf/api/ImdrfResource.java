package org.fieldsafety.triage.imdrf.api;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import org.fieldsafety.platform.Roles;
import org.fieldsafety.platform.domain.RuleViolation;
import org.fieldsafety.triage.imdrf.ImdrfAnnex;
import org.fieldsafety.triage.imdrf.ImdrfAnnexRelease;
import org.fieldsafety.triage.imdrf.ImdrfCode;
import org.fieldsafety.triage.imdrf.ImdrfReleaseFile;
import org.fieldsafety.triage.imdrf.ImdrfTerminology;
import org.jboss.resteasy.reactive.RestQuery;

/** The IMDRF Adverse Event Terminology: code look-up for every staff role, release loading for admins. */
@Path("/api/v1/imdrf")
public class ImdrfResource {

    private final ImdrfTerminology terminology;
    private final SecurityIdentity identity;

    ImdrfResource(ImdrfTerminology terminology, SecurityIdentity identity) {
        this.terminology = terminology;
        this.identity = identity;
    }

    /** Codes of the annex by code prefix or term, from the current release or the one named. */
    @GET
    @Path("/{annex}")
    @WithSession
    @RolesAllowed({Roles.ADMIN, Roles.REGULATORY_AFFAIRS, Roles.QUALITY_ASSURANCE, Roles.ENGINEERING, Roles.AUDITOR})
    public Uni<List<ImdrfCode>> lookup(
            @PathParam("annex") ImdrfAnnex annex,
            @RestQuery @Size(max = 200) String q,
            @RestQuery @Size(max = 40) String release,
            @RestQuery @DefaultValue("50") @Min(1) @Max(ImdrfTerminology.MAX_RESULTS) int limit) {
        return terminology.lookup(annex, q, release, limit);
    }

    /** What is loaded: each annex of each release with its source and publication date. */
    @GET
    @Path("/releases")
    @WithSession
    @RolesAllowed({Roles.ADMIN, Roles.REGULATORY_AFFAIRS, Roles.QUALITY_ASSURANCE, Roles.ENGINEERING, Roles.AUDITOR})
    public Uni<List<ImdrfAnnexRelease>> releases() {
        return terminology.releases();
    }

    /**
     * Loads one annex of a release from IMDRF's annex file exported as CSV; a loaded annex of a release is
     * never replaced (409): a new IMDRF release is loaded under its own number beside the old ones.
     */
    @PUT
    @Path("/{annex}/releases/{release}")
    @Consumes({"text/csv", "text/plain"})
    @WithTransaction
    @RolesAllowed(Roles.ADMIN)
    public Uni<Response> load(
            @PathParam("annex") ImdrfAnnex annex,
            @PathParam("release") @Pattern(regexp = "[0-9A-Za-z.-]{1,40}") String release,
            @RestQuery @NotBlank @Size(max = 1000) String source,
            @RestQuery LocalDate published,
            @NotBlank String csv) {
        List<ImdrfCode> codes = ImdrfReleaseFile.parse(annex, release, csv);
        return terminology
                .load(
                        annex,
                        release,
                        published,
                        source,
                        codes,
                        identity.getPrincipal().getName())
                .map(loaded -> {
                    if (loaded == null) {
                        throw new RuleViolation(
                                "imdrf-release-loaded",
                                null,
                                "Annex " + annex + " of IMDRF release " + release + " is already loaded; a changed"
                                        + " terminology is loaded as a new release");
                    }
                    return Response.status(Response.Status.CREATED)
                            .entity(loaded)
                            .build();
                });
    }
}
