package org.fieldsafety.infra;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where things are in a checkout of this repository, found from the working directory upwards. */
public final class RepositoryLayout {

    private RepositoryLayout() {}

    /** The checkout's root: the nearest directory upwards that holds deploy/kafka-broker. */
    public static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
            if (Files.isDirectory(candidate.resolve("deploy/kafka-broker"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("Not inside a checkout of this repository: " + dir);
    }

    static String kafkaBrokerClasspath() {
        Path module = root().resolve("deploy/kafka-broker/target");
        if (!Files.isDirectory(module.resolve("lib")) || !Files.isDirectory(module.resolve("classes"))) {
            throw new IllegalStateException(
                    "The Kafka broker's classpath is not built: run ./mvnw -pl deploy/kafka-broker package");
        }
        return module.resolve("classes") + File.pathSeparator + module.resolve("lib") + File.separator + "*";
    }
}
