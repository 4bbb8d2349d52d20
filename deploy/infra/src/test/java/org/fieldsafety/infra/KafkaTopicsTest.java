package org.fieldsafety.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.fieldsafety.contracts.Topics;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The broker comes up with every topic of the catalogue, kept for ever, so a PMS can re-read it from the start. */
@Tag("flow")
class KafkaTopicsTest {

    @Test
    void everyTopicIsCreatedWithUnlimitedRetentionAndNoCompaction() throws Exception {
        Path dir = Files.createTempDirectory("kafka-topics-");
        try (KafkaBroker broker = KafkaBroker.start(dir, Ports.free(), Ports.free())) {
            KafkaTopics.ensure(broker.bootstrapServers()); // again, as on a restart: nothing changes

            try (Admin admin = KafkaTopics.admin(broker.bootstrapServers())) {
                List<ConfigResource> resources = Topics.ALL.stream()
                        .map(topic -> new ConfigResource(ConfigResource.Type.TOPIC, topic))
                        .toList();
                Map<ConfigResource, Config> configs =
                        admin.describeConfigs(resources).all().get();
                Map<String, TopicDescription> topics =
                        admin.describeTopics(Topics.ALL).allTopicNames().get();
                for (ConfigResource resource : resources) {
                    Config config = configs.get(resource);
                    String topic = resource.name();
                    assertEquals("-1", config.get("retention.ms").value(), topic);
                    assertEquals("-1", config.get("retention.bytes").value(), topic);
                    assertEquals("delete", config.get("cleanup.policy").value(), topic);
                    assertEquals(
                            Topics.PARTITIONS, topics.get(topic).partitions().size(), topic);
                }
                assertEquals(
                        Topics.CONFIG.keySet(),
                        configs.values().iterator().next().entries().stream()
                                .filter(entry -> entry.source()
                                        == org.apache.kafka.clients.admin.ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG)
                                .map(ConfigEntry::name)
                                .collect(Collectors.toSet()),
                        "set on the topic itself, not inherited from the broker's defaults");
            }
        }
    }
}
