package org.fieldsafety.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One node of an Apache Kafka cluster in KRaft mode (broker and controller in one process), running in a
 * child JVM whose classpath is the deploy/kafka-broker module's; {@link KafkaCluster} starts several. The
 * data directory keeps its storage across restarts; a new directory is formatted first.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Path dataDir;
    private final int nodeId;
    private final List<KafkaCluster.Node> quorum;
    private final String clusterId;
    private Process process;
    private long previousStarts;

    /** Node {@code nodeId} (1-based) of the cluster whose nodes, all voters of its controller quorum, are {@code quorum}. */
    KafkaBroker(Path dataDir, int nodeId, List<KafkaCluster.Node> quorum, String clusterId) {
        this.dataDir = dataDir;
        this.nodeId = nodeId;
        this.quorum = List.copyOf(quorum);
        this.clusterId = clusterId;
    }

    /**
     * Starts a cluster of one broker on 127.0.0.1:{@code port} with its controller on {@code controllerPort};
     * both below 32768, since the broker's own outgoing connections can take an ephemeral port. Every topic of
     * the system exists, with its configuration, when this returns ({@link KafkaTopics}).
     */
    public static KafkaBroker start(Path dataDir, int port, int controllerPort) {
        return KafkaCluster.start(dataDir, List.of(new KafkaCluster.Node(port, controllerPort)))
                .broker(0);
    }

    /**
     * Starts the broker process again after {@link #close()}, on the same ports and data: a broker
     * outage and its return, for fault tests.
     */
    public synchronized void restart() {
        launch();
        awaitStarted();
    }

    /** Starts the process, formatting a new data directory first; {@link #awaitStarted()} waits for it. */
    synchronized void launch() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("The broker is running");
        }
        try {
            Files.createDirectories(dataDir);
            Path config = dataDir.resolve("server.properties");
            Files.writeString(config, serverProperties());
            if (!Files.exists(dataDir.resolve("log").resolve("meta.properties"))) {
                format(config);
            }
            // every start's log, timestamped like the services' logs, so that an outage can be traced
            Path out = out();
            previousStarts = Files.exists(out) ? Files.size(out) : 0;
            process = new ProcessBuilder(java(List.of(
                            "-Xms256m",
                            "-Xmx512m",
                            "-XX:+UseSerialGC",
                            "-Dorg.slf4j.simpleLogger.showDateTime=true",
                            "-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd HH:mm:ss,SSS",
                            "org.fieldsafety.kafkabroker.BrokerMain",
                            config.toString())))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(out.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String bootstrapServers() {
        return self().address();
    }

    public long pid() {
        return process.pid();
    }

    /** Stops the broker (SIGTERM, then SIGKILL after 20 s); {@link #restart()} brings it back. */
    @Override
    public synchronized void close() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /**
     * Waits until the process {@link #launch()} started logs that it serves; a node of several does so only
     * once a majority of the quorum runs.
     */
    synchronized void awaitStarted() {
        Path out = out();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "Kafka broker " + nodeId + " exited with " + process.exitValue() + ": " + tail(out));
            }
            if (startedSince(out, previousStarts)) {
                return;
            }
            Waits.pause();
        }
        close();
        throw new IllegalStateException(
                "Kafka broker " + nodeId + " did not start within " + START_TIMEOUT + ": " + tail(out));
    }

    private static boolean startedSince(Path out, long from) {
        try {
            byte[] log = Files.readAllBytes(out);
            return new String(log, (int) from, log.length - (int) from, StandardCharsets.UTF_8)
                    .contains("Kafka Server started");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path out() {
        return dataDir.resolve("broker.out");
    }

    private KafkaCluster.Node self() {
        return quorum.get(nodeId - 1);
    }

    private void format(Path config) throws IOException {
        Path out = dataDir.resolve("format.out");
        Process format = new ProcessBuilder(
                        java(List.of("kafka.tools.StorageTool", "format", "-t", clusterId, "-c", config.toString())))
                .redirectErrorStream(true)
                .redirectOutput(out.toFile())
                .start();
        try {
            if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
                throw new IllegalStateException("Formatting Kafka storage failed: " + tail(out));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Replication as production has it once there are three nodes: 3 replicas, 2 in sync for a write to
     * count (acks=all), so one node can fail without losing or refusing an acknowledged record; a single
     * node keeps one replica.
     */
    private String serverProperties() {
        int replicas = Math.min(3, quorum.size());
        int minInSync = Math.min(2, replicas);
        StringBuilder voters = new StringBuilder();
        for (int i = 0; i < quorum.size(); i++) {
            voters.append(i == 0 ? "" : ",")
                    .append(i + 1)
                    .append("@127.0.0.1:")
                    .append(quorum.get(i).controllerPort());
        }
        int port = self().port();
        return String.join(
                "\n",
                "process.roles=broker,controller",
                "node.id=" + nodeId,
                "controller.quorum.voters=" + voters,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + self().controllerPort(),
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + dataDir.resolve("log"),
                "num.partitions=4",
                "default.replication.factor=" + replicas,
                "min.insync.replicas=" + minInSync,
                "offsets.topic.replication.factor=" + replicas,
                "offsets.topic.num.partitions=4",
                "transaction.state.log.replication.factor=" + replicas,
                "transaction.state.log.min.isr=" + minInSync,
                "share.coordinator.state.topic.replication.factor=" + replicas,
                "share.coordinator.state.topic.min.isr=" + minInSync,
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=true",
                "log.retention.hours=-1",
                // a broker restarted after SIGKILL may register again only once the controller has given
                // up its previous incarnation's session: with the default 9 s session (2 s heartbeats) its
                // port was open but not answering for 10 s, and clients that connected meanwhile hung
                "broker.heartbeat.interval.ms=500",
                "broker.session.timeout.ms=3000",
                "");
    }

    /** A random KRaft cluster id; one starting with '-' would be read as an option by the storage tool. */
    static String clusterId() {
        SecureRandom random = new SecureRandom();
        while (true) {
            byte[] bytes = new byte[16];
            random.nextBytes(bytes);
            String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            if (!id.startsWith("-")) {
                return id;
            }
        }
    }

    private static List<String> java(List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Jdks.running());
        command.add("-cp");
        command.add(RepositoryLayout.kafkaBrokerClasspath());
        command.addAll(args);
        return command;
    }

    private static String tail(Path file) {
        try {
            String text = Files.readString(file);
            return text.substring(Math.max(0, text.length() - 4000));
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }
}
