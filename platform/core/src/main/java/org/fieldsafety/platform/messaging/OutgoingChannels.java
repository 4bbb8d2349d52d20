package org.fieldsafety.platform.messaging;

import io.opentelemetry.api.trace.Tracer;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.Config;

/** Where a publisher gets the {@link CloudEvents} of its outgoing channel. */
@ApplicationScoped
public class OutgoingChannels {

    private final KafkaClientService clients;
    private final Tracer tracer;
    private final Config config;

    OutgoingChannels(KafkaClientService clients, Tracer tracer, Config config) {
        this.clients = clients;
        this.tracer = tracer;
        this.config = config;
    }

    /** The events of {@code source} (e.g. {@code /triage-service}) on {@code channel}, to the topic it names. */
    public CloudEvents events(String channel, String source) {
        String topic = config.getValue("mp.messaging.outgoing." + channel + ".topic", String.class);
        return new CloudEvents(clients, tracer, channel, topic, source);
    }
}
