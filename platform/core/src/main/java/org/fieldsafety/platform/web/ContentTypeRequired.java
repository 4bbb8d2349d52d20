package org.fieldsafety.platform.web;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A request body without a {@code Content-Type} is refused with a 415 problem: the server would otherwise
 * guess the type and accept, for instance, a field report as JSON that the client never declared as such.
 */
public class ContentTypeRequired {

    private static final Set<String> WITH_BODY = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);

    @ServerRequestFilter
    public Response check(ContainerRequestContext request) {
        if (WITH_BODY.contains(request.getMethod())
                && request.getHeaderString(HttpHeaders.CONTENT_TYPE) == null
                && hasBody(request)) {
            return ProblemMapper.response(
                    415, "unsupported-media-type", "The body needs a Content-Type header, e.g. application/json", null);
        }
        return null;
    }

    private static boolean hasBody(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        return request.getHeaderString("Transfer-Encoding") != null || (length != null && !"0".equals(length.trim()));
    }
}
