package org.fieldsafety.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds a JDK of at least a given feature version, for a server that needs a newer Java than the build's
 * (Keycloak needs 21): {@value #VARIABLE} if set, then {@code JAVA_HOME}, then the running JVM, then the
 * newest JDK under {@code /usr/lib/jvm} (this machine kind ships Temurin's there; {@code .ci/run} installs
 * one from the Debian packages where none is found).
 */
public final class Jdks {

    /** Names a JDK for Keycloak explicitly. */
    public static final String VARIABLE = "FIELDSAFETY_KEYCLOAK_JAVA_HOME";

    private static final Path INSTALLATIONS = Path.of("/usr/lib/jvm");
    private static final Pattern VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)");

    private Jdks() {}

    /** The java launcher of the running JVM, for a child process of the same Java. */
    public static String running() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The java launcher of a JDK of at least {@code feature}, or an explanation of how to get one. */
    public static Path java(int feature) {
        return find(feature)
                .map(home -> home.resolve("bin").resolve("java"))
                .orElseThrow(() -> new IllegalStateException("No JDK " + feature + " or later: set " + VARIABLE
                        + " or JAVA_HOME to one, or install one under " + INSTALLATIONS
                        + " (e.g. apt-get install openjdk-21-jdk-headless where Debian has it)"));
    }

    static Optional<Path> find(int feature) {
        Stream<Path> named = Stream.of(
                        System.getenv(VARIABLE), System.getenv("JAVA_HOME"), System.getProperty("java.home"))
                .filter(home -> home != null && !home.isBlank())
                .map(Path::of);
        return Stream.concat(named, installed())
                .filter(home -> version(home) >= feature)
                .findFirst();
    }

    /** The JDKs under /usr/lib/jvm, the newest first. */
    private static Stream<Path> installed() {
        if (!Files.isDirectory(INSTALLATIONS)) {
            return Stream.empty();
        }
        try (Stream<Path> homes = Files.list(INSTALLATIONS)) {
            return homes
                    .filter(home -> !Files.isSymbolicLink(home))
                    .sorted(Comparator.comparingInt(Jdks::version).reversed())
                    .toList()
                    .stream();
        } catch (IOException e) {
            return Stream.empty();
        }
    }

    /** The feature version in the JDK's {@code release} file; 0 when it is not a JDK. */
    static int version(Path home) {
        Path release = home.resolve("release");
        if (!Files.isExecutable(home.resolve("bin").resolve("java")) || !Files.isRegularFile(release)) {
            return 0;
        }
        try {
            Matcher matcher = VERSION.matcher(Files.readString(release));
            return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }
}
