package org.fieldsafety.fsca.console;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;
import org.fieldsafety.platform.web.Problem;
import org.fieldsafety.platform.web.ProblemMapper;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * quarkus-rest-csrf refuses a form without a valid token with an empty 400, before any resource or
 * exception mapper runs; this gives that answer the problem+json body every other error has. No other
 * part of the service answers a changing request with an empty 400.
 */
public class CsrfRejection {

    private static final Set<String> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    @ServerResponseFilter
    public void problem(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() == 400 && !response.hasEntity() && !SAFE.contains(request.getMethod())) {
            response.setEntity(
                    ProblemMapper.response(
                                    400,
                                    "csrf-rejected",
                                    "The form's CSRF token is missing or does not match: reload the page and"
                                            + " send the form again",
                                    null)
                            .getEntity(),
                    null,
                    MediaType.valueOf(Problem.MEDIA_TYPE));
        }
    }
}
