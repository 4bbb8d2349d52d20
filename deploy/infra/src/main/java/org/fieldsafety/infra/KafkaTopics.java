package org.fieldsafety.infra;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.fieldsafety.contracts.Topics;

/**
 * The system's topics, created explicitly from the catalogue in contracts' {@link Topics}: every event and
 * dead-letter topic with {@link Topics#PARTITIONS} partitions and {@link Topics#CONFIG} (kept for ever,
 * never compacted), so a PMS can re-read each topic from its start. The replication factor is the cluster's
 * default: 1 on a single local broker, 3 on a cluster of three ({@link KafkaBroker}), as in production.
 */
public final class KafkaTopics {

    private KafkaTopics() {}

    /**
     * Creates the topics that are missing and sets the configuration on those that exist (e.g. auto-created
     * by an earlier run); safe to call on every start.
     */
    public static void ensure(String bootstrapServers) {
        try (Admin admin = admin(bootstrapServers)) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = new ArrayList<>();
            Map<ConfigResource, Collection<AlterConfigOp>> present = new HashMap<>();
            for (String topic : Topics.ALL) {
                if (existing.contains(topic)) {
                    present.put(new ConfigResource(ConfigResource.Type.TOPIC, topic), operations());
                } else {
                    missing.add(new NewTopic(topic, Optional.of(Topics.PARTITIONS), Optional.empty())
                            .configs(Topics.CONFIG));
                }
            }
            admin.createTopics(missing).all().get();
            admin.incrementalAlterConfigs(present).all().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Creating the Kafka topics failed", e.getCause());
        }
    }

    private static Collection<AlterConfigOp> operations() {
        return Topics.CONFIG.entrySet().stream()
                .map(entry ->
                        new AlterConfigOp(new ConfigEntry(entry.getKey(), entry.getValue()), AlterConfigOp.OpType.SET))
                .toList();
    }

    static Admin admin(String bootstrapServers) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }
}
