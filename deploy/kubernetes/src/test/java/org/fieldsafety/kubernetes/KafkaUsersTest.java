package org.fieldsafety.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Each service's KafkaUser grants exactly what the service's application.properties uses: Read and Describe
 * on every topic an incoming channel reads, Read on the channel's consumer group, Write and Describe on every
 * topic an outgoing channel or a dead-letter queue writes.
 */
class KafkaUsersTest {

    private static final List<String> SERVICES = List.of("intake", "triage", "fsca", "change-control");
    private static final Pattern INCOMING = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.topic");
    private static final Pattern DEAD_LETTER =
            Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.dead-letter-queue\\.topic");
    private static final Pattern OUTGOING = Pattern.compile("mp\\.messaging\\.outgoing\\.([^.]+)\\.topic");

    @Test
    void eachServiceMayReadAndWriteWhatItsChannelsReadAndWrite() throws IOException {
        List<ObjectNode> users = Manifests.read(Manifests.BASE.resolve("kafka-users.yaml"));
        assertEquals(SERVICES.size(), users.size(), "one KafkaUser per service");
        for (String service : SERVICES) {
            String name = service + "-service";
            assertEquals(used(name), granted(Manifests.named(users, "KafkaUser", name)), name);
        }
    }

    private static Set<String> used(String service) throws IOException {
        Properties properties = Manifests.applicationProperties(service);
        Set<String> acls = new TreeSet<>();
        for (String key : properties.stringPropertyNames()) {
            String topic = properties.getProperty(key);
            Matcher incoming = INCOMING.matcher(key);
            if (incoming.matches()) {
                acls.add("topic " + topic + " Read");
                acls.add("topic " + topic + " Describe");
                String group = properties.getProperty("mp.messaging.incoming." + incoming.group(1) + ".group.id");
                acls.add("group " + group + " Read");
            }
            if (DEAD_LETTER.matcher(key).matches() || OUTGOING.matcher(key).matches()) {
                acls.add("topic " + topic + " Write");
                acls.add("topic " + topic + " Describe");
            }
        }
        return acls;
    }

    private static Set<String> granted(JsonNode user) {
        assertEquals(
                "scram-sha-512",
                user.path("spec").path("authentication").path("type").asText());
        Set<String> acls = new TreeSet<>();
        for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
            JsonNode resource = acl.path("resource");
            assertEquals("literal", resource.path("patternType").asText(), "only literal names: " + resource);
            for (JsonNode operation : acl.path("operations")) {
                acls.add(resource.path("type").asText() + " "
                        + resource.path("name").asText() + " " + operation.asText());
            }
        }
        return acls;
    }
}
