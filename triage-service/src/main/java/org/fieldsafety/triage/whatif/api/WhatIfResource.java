package org.fieldsafety.triage.whatif.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.fieldsafety.platform.Roles;
import org.fieldsafety.triage.whatif.WhatIfAnalysis;
import org.fieldsafety.triage.whatif.WhatIfRequest;
import org.fieldsafety.triage.whatif.WhatIfView;

/** What a proposed risk policy or registry entry would change in the stored triage decisions; stores nothing. */
@Path("/api/v1/triage/what-if")
public class WhatIfResource {

    private final WhatIfAnalysis analysis;

    WhatIfResource(WhatIfAnalysis analysis) {
        this.analysis = analysis;
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.QUALITY_ASSURANCE, Roles.REGULATORY_AFFAIRS})
    public Uni<WhatIfView> analyse(@Valid @NotNull WhatIfRequest request) {
        return analysis.analyse(request);
    }
}
