package org.fieldsafety.fsca.console.changecontrol;

import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;
import org.fieldsafety.platform.domain.DomainException;
import org.fieldsafety.platform.domain.InvalidInput;
import org.fieldsafety.platform.domain.NotFound;
import org.fieldsafety.platform.domain.NotPermitted;
import org.fieldsafety.platform.domain.RuleViolation;
import org.fieldsafety.platform.domain.Unavailable;

/**
 * Change control's RFC 9457 problems as the domain refusals the console already shows: a refused step's rule
 * (with its clause, in the problem's detail) comes back to the page as the console's own rules do,
 * an unknown record is the console's 404, and anything else says change control cannot answer now.
 */
class ChangeControlProblems implements ResponseExceptionMapper<DomainException> {

    /** The body of a problem response, as far as the console reads it. */
    record Problem(String type, String detail, List<FieldError> errors) {

        record FieldError(String field, String message) {}
    }

    @Override
    public DomainException toThrowable(Response response) {
        Problem problem = read(response);
        return refusal(response.getStatus(), problem);
    }

    /** The refusal {@code status} and {@code problem} (null: no problem body) stand for. */
    static DomainException refusal(int status, Problem problem) {
        String code = problem == null || problem.type() == null
                ? "change-control-" + status
                : problem.type().substring(problem.type().lastIndexOf('/') + 1);
        String detail =
                problem == null || problem.detail() == null ? "change control answered " + status : problem.detail();
        if (problem != null && problem.errors() != null && !problem.errors().isEmpty()) {
            detail = "Please complete the form: "
                    + problem.errors().stream()
                            .map(e -> e.field() + " " + e.message())
                            .collect(Collectors.joining(", "));
        }
        return switch (status) {
            case 400 -> new InvalidInput(code, detail);
            case 401, 403 -> new NotPermitted(code, detail);
            case 404 -> new NotFound("That change-control record");
            case 409, 412 -> new RuleViolation(code, null, detail);
            default ->
                new Unavailable(
                        "change-control-unavailable",
                        "Change control could not take the request now (" + status + "); try again later.");
        };
    }

    private static Problem read(Response response) {
        try {
            return response.hasEntity() ? response.readEntity(Problem.class) : null;
        } catch (RuntimeException unreadable) {
            return null;
        }
    }
}
