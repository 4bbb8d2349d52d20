package org.fieldsafety.intake;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Tells clients when to come back after a 503 (Kafka cannot take reports) or a 429. */
public class RetryAfterFilter {

    private final IntakeConfig config;

    RetryAfterFilter(IntakeConfig config) {
        this.config = config;
    }

    @ServerResponseFilter
    public void retryAfter(ContainerResponseContext response) {
        int status = response.getStatus();
        if ((status == 503 || status == 429) && !response.getHeaders().containsKey(HttpHeaders.RETRY_AFTER)) {
            response.getHeaders().putSingle(HttpHeaders.RETRY_AFTER, String.valueOf(config.retryAfterSeconds()));
        }
    }
}
