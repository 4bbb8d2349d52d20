package org.fieldsafety.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.fieldsafety.platform.web.Problem;
import org.fieldsafety.platform.web.ProblemMapper;

/**
 * Answers a body announced larger than {@code quarkus.http.limits.max-body-size} with a 413 problem
 * body. It runs just before Quarkus' own limit (route order -2), which would answer without a body; a
 * chunked body without {@code Content-Length} is still cut off by Quarkus itself.
 */
@ApplicationScoped
public class BodySizeLimit {

    private static final int BEFORE_QUARKUS_UPLOAD_LIMIT = -3;

    private final long maxBytes;
    private final byte[] problem;

    BodySizeLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize, ObjectMapper json)
            throws JsonProcessingException {
        this.maxBytes = maxBodySize.asLongValue();
        Problem tooLarge = (Problem)
                ProblemMapper.response(413, "too-large", "The body is larger than " + maxBytes + " bytes", null)
                        .getEntity();
        this.problem = json.writeValueAsBytes(tooLarge);
    }

    void register(@Observes Router router) {
        router.route().order(BEFORE_QUARKUS_UPLOAD_LIMIT).handler(this::check);
    }

    private void check(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null || !isTooLarge(length)) {
            context.next();
            return;
        }
        context.response()
                .setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(io.vertx.core.buffer.Buffer.buffer(problem));
    }

    private boolean isTooLarge(String length) {
        try {
            return Long.parseLong(length) > maxBytes;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
