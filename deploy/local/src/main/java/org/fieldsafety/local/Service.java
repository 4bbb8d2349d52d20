package org.fieldsafety.local;

import java.nio.file.Path;

/** The system's services: module, database and port on a local run (docs/architecture.md, "Services"). */
public enum Service {
    INTAKE("intake-service", "intake", 8081),
    TRIAGE("triage-service", "triage", 8082),
    FSCA("fsca-service", "fsca", 8083),
    CHANGE_CONTROL("change-control-service", "change_control", 8084);

    private final String module;
    private final String database;
    private final int localPort;

    Service(String module, String database, int localPort) {
        this.module = module;
        this.database = database;
        this.localPort = localPort;
    }

    public String module() {
        return module;
    }

    public String database() {
        return database;
    }

    public int localPort() {
        return localPort;
    }

    /** The runnable jar that {@code ./mvnw package} builds in the service's module. */
    Path runnableJar(Path repositoryRoot) {
        return repositoryRoot.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }
}
