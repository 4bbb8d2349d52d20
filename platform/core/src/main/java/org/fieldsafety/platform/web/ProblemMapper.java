package org.fieldsafety.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.fieldsafety.platform.domain.ConcurrentChange;
import org.fieldsafety.platform.domain.DomainException;
import org.fieldsafety.platform.domain.InvalidInput;
import org.fieldsafety.platform.domain.NotFound;
import org.fieldsafety.platform.domain.NotPermitted;
import org.fieldsafety.platform.domain.RateLimited;
import org.fieldsafety.platform.domain.RuleViolation;
import org.fieldsafety.platform.domain.StaleVersion;
import org.fieldsafety.platform.domain.Unavailable;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where exceptions become HTTP errors: every 4xx and 5xx is an RFC 9457
 * {@code application/problem+json} body. No stack trace, class name or SQL reaches a client; a 500 is
 * logged here with its cause.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);
    private static final String TYPE_BASE = "https://fieldsafety.org/problems/";

    /** The one table from a kind of domain refusal to its HTTP status. */
    static final Map<Class<? extends DomainException>, Integer> STATUS = Map.of(
            InvalidInput.class, 400,
            NotPermitted.class, 403,
            NotFound.class, 404,
            RuleViolation.class, 409,
            ConcurrentChange.class, 409,
            StaleVersion.class, 412,
            RateLimited.class, 429,
            Unavailable.class, 503);

    @ServerExceptionMapper
    public Response refused(DomainException e) {
        return response(STATUS.get(e.getClass()), e.code(), e.getMessage(), null);
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(violation -> new Problem.FieldError(field(violation), violation.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return response(400, "validation", "The request is invalid: see errors", errors);
    }

    /**
     * A body of the wrong shape (unknown field, wrong type, bad date or enum) names the failing field;
     * more specific than Quarkus' own mapper, which would answer without a problem body.
     */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        String field = e.getPath().stream()
                .map(reference ->
                        reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
                .reduce((path, next) -> next.startsWith("[") ? path + next : path + "." + next)
                .orElse("");
        String message = e instanceof UnrecognizedPropertyException
                ? "is not a known field"
                : "does not have the expected type or format";
        return response(
                400,
                "validation",
                "The request is invalid: see errors",
                List.of(new Problem.FieldError(field, message)));
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e) {
        String location = e.getLocation() == null
                ? ""
                : " at line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr();
        return response(400, "unreadable", "The body is not valid JSON of the expected shape" + location, null);
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated() {
        return Response.fromResponse(response(401, "unauthenticated", "Valid credentials are required", null))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"fieldsafety\"")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return response(403, "forbidden", "Your role does not allow this request", null);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("Request failed", e);
        }
        return response(
                status,
                "http-" + status,
                Response.Status.fromStatusCode(status) == null
                        ? "Request failed"
                        : Response.Status.fromStatusCode(status).getReasonPhrase(),
                null);
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e) {
        LOG.error("Request failed", e);
        return response(500, "internal", "The request could not be completed; it has been logged", null);
    }

    /** A problem response; also for filters that answer before a resource runs. */
    public static Response response(int status, String code, String detail, List<Problem.FieldError> errors) {
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "Error " + status : known.getReasonPhrase();
        return Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem(TYPE_BASE + code, title, status, detail, errors))
                .build();
    }

    /**
     * The failing field's path as the client wrote it ({@code reports[3].productId}), without the
     * resource method's name; a failing parameter (header, query) is named by itself.
     */
    private static String field(ConstraintViolation<?> violation) {
        StringBuilder path = new StringBuilder();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR, RETURN_VALUE, CROSS_PARAMETER -> {}
                case PARAMETER -> parameter = node.getName();
                default -> {
                    if (node.isInIterable()) {
                        path.append('[')
                                .append(node.getIndex() != null ? node.getIndex() : node.getKey())
                                .append(']');
                    }
                    if (node.getName() != null) {
                        path.append(path.isEmpty() ? "" : ".").append(node.getName());
                    }
                }
            }
        }
        return path.isEmpty() && parameter != null ? parameter : path.toString();
    }
}
