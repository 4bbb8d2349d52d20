package org.fieldsafety.fsca.console;

import io.quarkus.security.AuthenticationFailedException;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.fieldsafety.platform.web.ProblemMapper;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A wrong user name or password on the console's login page goes back to that page, saying so. With lazy
 * authentication ({@code quarkus.http.auth.proactive=false}) the form mechanism's failure reaches the
 * exception mappers, where {@link ProblemMapper} would answer the API's 401 problem; every other
 * authentication failure still gets that answer.
 */
public class SignInFailure {

    static final String POST_LOCATION = "/console/j_security_check";
    static final URI FAILED = URI.create("/console/login?error=true");

    private final ProblemMapper problems = new ProblemMapper();

    @ServerExceptionMapper(priority = Priorities.USER - 1)
    public Response failed(AuthenticationFailedException e, HttpServerRequest request) {
        if (HttpMethod.POST.equals(request.method()) && POST_LOCATION.equals(request.path())) {
            return Response.status(Response.Status.FOUND).location(FAILED).build();
        }
        return problems.unauthenticated();
    }
}
