package org.fieldsafety.fsca.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.fieldsafety.eventstore.processing.CaughtUp;
import org.fieldsafety.fsca.cases.query.FscaCaseProjection;
import org.fieldsafety.fsca.vigilance.query.VigilanceReportProjection;
import org.fieldsafety.platform.domain.DomainException;

/**
 * How every console form takes its step: the form as the API's request, validated as the API validates it,
 * then the step through the application service the API uses; back to the page the form was on ({@link
 * PageAnswer}) with what refused it (the form's gaps, the signature's or the rule's text) when something did.
 */
@ApplicationScoped
public class FormSteps {

    private static final List<String> READ_MODELS =
            List.of(FscaCaseProjection.PROCESSING_GROUP, VigilanceReportProjection.PROCESSING_GROUP);

    private final Validator validator;
    private final CaughtUp caughtUp;

    FormSteps(Validator validator, CaughtUp caughtUp) {
        this.validator = validator;
        this.caughtUp = caughtUp;
    }

    public <R> Response take(URI page, Supplier<R> form, Consumer<R> step) {
        String problem;
        try {
            R request = form.get();
            problem = incomplete(request);
            if (problem == null) {
                step.accept(request);
            }
        } catch (DomainException e) {
            problem = e.getMessage();
        }
        return PageAnswer.back(page, problem);
    }

    /**
     * As {@link #take}, for a step on a case or a report of this service: answered once their views show it
     * ({@link CaughtUp}), so the page it returns to shows it too.
     */
    public <R> Response takeAndShow(URI page, Supplier<R> form, Consumer<R> step) {
        return take(page, form, step.andThen(request -> caughtUp.await(READ_MODELS)));
    }

    /** What the form lacks, as the API's validation of the same request would name it; null when complete. */
    private String incomplete(Object request) {
        Set<ConstraintViolation<Object>> violations = validator.validate(request);
        return violations.isEmpty()
                ? null
                : "Please complete the form: "
                        + violations.stream()
                                .map(v -> v.getPropertyPath().toString().replaceFirst("^.*\\.", "") + " "
                                        + v.getMessage())
                                .sorted(Comparator.naturalOrder())
                                .collect(Collectors.joining(", "));
    }
}
