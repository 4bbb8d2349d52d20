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
 * An Apache Kafka broker in KRaft mode (broker and controller in one node), running in a child JVM
 * whose classpath is the deploy/kafka-broker module's. The data directory keeps its storage across
 * restarts; a new directory is formatted first.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private Process process;

    private KafkaBroker(Path dataDir, int port, int controllerPort) {
        this.dataDir = dataDir;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /**
     * Starts a broker on 127.0.0.1:{@code port} with its controller on {@code controllerPort}; both below
     * 32768, since the broker's own outgoing connections can take an ephemeral port. Every topic of the
     * system exists, with its configuration, when this returns ({@link KafkaTopics}).
     */
    public static KafkaBroker start(Path dataDir, int port, int controllerPort) {
        KafkaBroker broker = new KafkaBroker(dataDir, port, controllerPort);
        broker.restart();
        try {
            KafkaTopics.ensure(broker.bootstrapServers());
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
        return broker;
    }

    /**
     * Starts the broker process again after {@link #close()}, on the same ports and data: a broker
     * outage and its return, for fault tests.
     */
    public synchronized void restart() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("The broker is running");
        }
        try {
            Files.createDirectories(dataDir);
            Path config = dataDir.resolve("server.properties");
            Files.writeString(config, serverProperties(dataDir, port, controllerPort));
            if (!Files.exists(dataDir.resolve("log").resolve("meta.properties"))) {
                format(config, dataDir);
            }
            // every start's log, timestamped like the services' logs, so that an outage can be traced
            Path out = dataDir.resolve("broker.out");
            long previousStarts = Files.exists(out) ? Files.size(out) : 0;
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
            awaitStarted(out, previousStarts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
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

    private void awaitStarted(Path out, long from) throws IOException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Kafka broker exited with " + process.exitValue() + ": " + tail(out));
            }
            byte[] log = Files.readAllBytes(out);
            if (new String(log, (int) from, log.length - (int) from, StandardCharsets.UTF_8)
                    .contains("Kafka Server started")) {
                return;
            }
            Waits.pause();
        }
        close();
        throw new IllegalStateException("Kafka broker did not start within " + START_TIMEOUT + ": " + tail(out));
    }

    private static void format(Path config, Path dataDir) throws IOException {
        Path out = dataDir.resolve("format.out");
        Process format = new ProcessBuilder(
                        java(List.of("kafka.tools.StorageTool", "format", "-t", clusterId(), "-c", config.toString())))
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

    private static String serverProperties(Path dataDir, int port, int controllerPort) {
        return String.join(
                "\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + dataDir.resolve("log"),
                "num.partitions=4",
                "default.replication.factor=1",
                "min.insync.replicas=1",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=4",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
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
    private static String clusterId() {
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
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
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
