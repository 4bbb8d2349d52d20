package org.fieldsafety.infra;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A Kafka cluster on this machine: one {@link KafkaBroker} process per node, each broker and controller, all
 * voters of one KRaft quorum. One node is the local run's and the tests' broker; three are the cluster run's,
 * with 3 replicas and 2 in sync per partition, as in production (docs/production.md).
 */
public final class KafkaCluster implements AutoCloseable {

    /** A node's client port and controller port, both below 32768 (see {@link KafkaBroker#start}). */
    public record Node(int port, int controllerPort) {

        /** Where clients reach the node. */
        public String address() {
            return "127.0.0.1:" + port;
        }
    }

    private final List<Node> nodes;
    private final List<KafkaBroker> brokers;

    private KafkaCluster(List<Node> nodes, List<KafkaBroker> brokers) {
        this.nodes = List.copyOf(nodes);
        this.brokers = List.copyOf(brokers);
    }

    /**
     * Starts the nodes together (a node serves only once a majority of the quorum runs), then creates the
     * system's topics ({@link KafkaTopics}). A single node keeps its data in {@code dataDir}, node i of
     * several in {@code dataDir/node-i}.
     */
    public static KafkaCluster start(Path dataDir, List<Node> nodes) {
        String clusterId = KafkaBroker.clusterId();
        List<KafkaBroker> brokers = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            Path nodeDir = nodes.size() == 1 ? dataDir : dataDir.resolve("node-" + (i + 1));
            brokers.add(new KafkaBroker(nodeDir, i + 1, nodes, clusterId));
        }
        KafkaCluster cluster = new KafkaCluster(nodes, brokers);
        try {
            brokers.forEach(KafkaBroker::launch);
            brokers.forEach(KafkaBroker::awaitStarted);
            KafkaTopics.ensure(cluster.bootstrapServers());
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    /** Every node's address, so that a client finds the cluster while any one node is down. */
    public String bootstrapServers() {
        return bootstrapServers(nodes);
    }

    /** The bootstrap servers of a cluster of {@code nodes}, known before it runs. */
    public static String bootstrapServers(List<Node> nodes) {
        return nodes.stream().map(Node::address).collect(Collectors.joining(","));
    }

    public int size() {
        return brokers.size();
    }

    /** Node {@code index + 1}, to kill and restart in fault tests. */
    public KafkaBroker broker(int index) {
        return brokers.get(index);
    }

    @Override
    public void close() {
        brokers.forEach(KafkaBroker::close);
    }
}
