package org.fieldsafety.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every Kafka channel a service consumes leaves the record's CloudEvent headers to the consumer
 * ({@code IncomingEvent}): the connector's own reading parses each record's {@code ce_time}, and a malformed
 * one failed the channel, so one record from a producer stopped everything behind it (shown by fsca's
 * {@code FscaCaseFlowTest}).
 */
class ConsumerChannelsTest {

    private static final Pattern KAFKA_CHANNEL = Pattern.compile("mp\\.messaging\\.incoming\\.([\\w-]+)\\.connector");

    @Test
    void everyConsumedChannelLeavesTheCloudEventHeadersToTheConsumer() {
        List<String> channels = new ArrayList<>();
        List<String> reading = new ArrayList<>();
        for (Path service : Repository.services()) {
            Properties settings = Repository.settings(service);
            for (String key : settings.stringPropertyNames()) {
                Matcher channel = KAFKA_CHANNEL.matcher(key);
                if (channel.matches() && "smallrye-kafka".equals(settings.getProperty(key))) {
                    String name = service.getFileName() + " " + channel.group(1);
                    channels.add(name);
                    if (!"false"
                            .equals(settings.getProperty(
                                    "mp.messaging.incoming." + channel.group(1) + ".cloud-events"))) {
                        reading.add(name);
                    }
                }
            }
        }
        assertFalse(channels.isEmpty(), "no consumed Kafka channel found");
        assertEquals(List.of(), reading, "channels whose connector reads the CloudEvent headers");
    }
}
