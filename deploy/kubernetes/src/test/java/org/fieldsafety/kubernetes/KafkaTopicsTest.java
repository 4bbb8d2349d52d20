package org.fieldsafety.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.fieldsafety.contracts.Topics;
import org.junit.jupiter.api.Test;

/**
 * base/kafka-topics.yaml is generated from the contract's {@link Topics}: every topic of {@link Topics#ALL}
 * with {@link Topics#PARTITIONS} partitions, the retention of {@link Topics#CONFIG}, replication 3 and
 * min.insync.replicas 2. The test fails when the two differ; run with {@code -Dfieldsafety.write-manifests}
 * it writes the file first.
 */
class KafkaTopicsTest {

    static final int REPLICAS = 3;
    static final int MIN_IN_SYNC_REPLICAS = 2;
    private static final Path FILE = Manifests.BASE.resolve("kafka-topics.yaml");

    @Test
    void theKafkaTopicsAreTheContractsTopics() throws IOException {
        String expected = render();
        if (Boolean.getBoolean("fieldsafety.write-manifests")) {
            Files.writeString(FILE, expected);
        }
        assertEquals(
                expected,
                Files.exists(FILE) ? Files.readString(FILE) : "",
                "base/kafka-topics.yaml differs from Topics: run ./mvnw -pl deploy/kubernetes -am test"
                        + " -Dtest=KafkaTopicsTest -Dsurefire.failIfNoSpecifiedTests=false"
                        + " -Dfieldsafety.write-manifests");
    }

    static String render() {
        Map<String, String> config = new TreeMap<>(Topics.CONFIG);
        config.put("min.insync.replicas", String.valueOf(MIN_IN_SYNC_REPLICAS));
        StringBuilder yaml = new StringBuilder()
                .append(
                        "# Generated from org.fieldsafety.contracts.Topics by KafkaTopicsTest; do not edit. Every topic\n")
                .append("# of Topics.ALL with the contract's partitions and retention, replicated to ")
                .append(REPLICAS)
                .append(" brokers, a write\n# acknowledged by ")
                .append(MIN_IN_SYNC_REPLICAS)
                .append(" of them.\n");
        for (String topic : Topics.ALL) {
            yaml.append("---\n")
                    .append("apiVersion: kafka.strimzi.io/v1\n")
                    .append("kind: KafkaTopic\n")
                    .append("metadata:\n")
                    .append("  name: ")
                    .append(topic)
                    .append('\n')
                    .append("  labels:\n")
                    .append("    strimzi.io/cluster: fieldsafety\n")
                    .append("spec:\n")
                    .append("  partitions: ")
                    .append(Topics.PARTITIONS)
                    .append('\n')
                    .append("  replicas: ")
                    .append(REPLICAS)
                    .append('\n')
                    .append("  config:\n");
            config.forEach((key, value) ->
                    yaml.append("    ").append(key).append(": \"").append(value).append("\"\n"));
        }
        return yaml.toString();
    }
}
