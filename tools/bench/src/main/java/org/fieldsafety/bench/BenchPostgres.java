package org.fieldsafety.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fieldsafety.infra.Directories;
import org.fieldsafety.infra.Ports;
import org.fieldsafety.infra.PostgresServer;

/** A durable PostgreSQL (fsync on, as in a local run) of its own under tools/bench/target, for scenarios 2 and 4. */
final class BenchPostgres implements AutoCloseable {

    final PostgresServer server;
    private final Path dataDir;

    BenchPostgres() throws IOException {
        dataDir = Files.createDirectories(Path.of("tools/bench/target"))
                .toAbsolutePath()
                .resolve("postgres-" + System.currentTimeMillis());
        server = PostgresServer.start(dataDir, Ports.free(), true);
    }

    @Override
    public void close() throws IOException {
        server.close();
        Directories.delete(dataDir);
    }
}
