package org.fieldsafety.systemtests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.fieldsafety.infra.Directories;
import org.fieldsafety.local.LocalSystem;
import org.fieldsafety.local.PortPlan;
import org.fieldsafety.local.Service;

/**
 * The whole system on free ports in a directory of its own under the module's {@code target}, for one IT
 * class. Closing it stops the system and deletes its Kafka, PostgreSQL and Keycloak data, keeping the
 * services' logs for a failure's diagnosis until the next clean build.
 */
final class TestSystem implements AutoCloseable {

    private final LocalSystem system;
    private final Path dataDir;

    private TestSystem(LocalSystem system, Path dataDir) {
        this.system = system;
        this.dataDir = dataDir;
    }

    static TestSystem start(String name) throws IOException {
        return start(name, Map.of());
    }

    /** A system whose services get {@code settings} as system properties (see {@link LocalSystem}). */
    static TestSystem start(String name, Map<Service, Map<String, String>> settings) throws IOException {
        Path dataDir = Files.createTempDirectory(
                Files.createDirectories(Path.of("target").toAbsolutePath()), "system-" + name + "-");
        Instant started = Instant.now();
        LocalSystem system = LocalSystem.start(dataDir, PortPlan.free(EnumSet.allOf(Service.class)), settings);
        LocalSystem.log(name + ": system started in " + LocalSystem.seconds(started) + ", data in " + dataDir);
        return new TestSystem(system, dataDir);
    }

    LocalSystem system() {
        return system;
    }

    Path logs() {
        return dataDir.resolve("logs");
    }

    @Override
    public void close() throws IOException {
        system.close();
        for (String data : List.of("kafka", "postgres", "keycloak")) {
            Directories.delete(dataDir.resolve(data));
        }
    }
}
