package org.fieldsafety.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fieldsafety.contracts.FieldReportReceived.PatientOutcome;
import org.fieldsafety.infra.KeycloakServer;
import org.fieldsafety.infra.Ports;
import org.fieldsafety.infra.RepositoryLayout;
import org.fieldsafety.platform.Roles;

/**
 * {@code deploy/local/start [--demo] [--cluster]}: runs the system (Keycloak on 8180 among it) on its local
 * ports (docs/api.md) with its data in {@code .local-data}, prints how to reach it, and stops it on Ctrl-C or
 * SIGTERM ({@code deploy/local/stop}). With {@code --cluster} it runs three Kafka nodes and two instances of
 * every service ({@link PortPlan#localCluster()}), with its data in {@code .local-data/cluster}.
 */
public final class LocalRun {

    /** The realm's local accounts (deploy/keycloak/fieldsafety-realm.json). */
    private static final List<List<String>> ACCOUNTS = List.of(
            List.of("admin", "admin-local", "Ada Admin", Roles.ADMIN),
            List.of("ra", "ra-local", "Rosa Alvarez", Roles.REGULATORY_AFFAIRS),
            List.of("qa", "qa-local", "Quentin Abbott", Roles.QUALITY_ASSURANCE + ", " + Roles.CCB_MEMBER),
            List.of("eng", "eng-local", "Elena Novak", Roles.ENGINEERING),
            List.of("auditor", "auditor-local", "Omar Haddad", Roles.AUDITOR + " (read only)"));

    private LocalRun() {}

    public static void main(String[] args) throws Exception {
        List<String> options = List.of(args).subList(Math.min(1, args.length), args.length);
        if (args.length < 1
                || !args[0].equals("start")
                || !List.of("--demo", "--cluster").containsAll(options)
                || options.size() != Set.copyOf(options).size()) {
            System.err.println("usage: deploy/local/start [--demo] [--cluster]");
            System.exit(2);
        }
        boolean demo = options.contains("--demo");
        boolean cluster = options.contains("--cluster");
        Instant started = Instant.now();
        Path localData = Files.createDirectories(RepositoryLayout.root().resolve(".local-data"));
        Path pidFile = localData.resolve("local.pid");
        // the cluster's Kafka nodes keep their data apart, and its services' databases belong to that Kafka
        Path data = cluster ? Files.createDirectories(localData.resolve("cluster")) : localData;
        Optional<ProcessHandle> running = running(pidFile);
        if (running.isPresent()) {
            fail("The local system is already running (pid " + running.get().pid() + "); deploy/local/stop");
        }
        PortPlan ports = cluster ? PortPlan.localCluster() : PortPlan.local();
        List<Integer> busy =
                ports.all().stream().filter(port -> !Ports.isFree(port)).toList();
        if (!busy.isEmpty()) {
            fail("Ports in use on 127.0.0.1: " + busy + "; stop whatever holds them first");
        }
        Files.writeString(pidFile, ProcessHandle.current().pid() + "\n");

        LocalSystem system = new LocalSystem(data, ports);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            system.close();
            deleteIfOwn(pidFile);
        }));
        ApiClient api = new ApiClient();
        try {
            system.start();
            String apiKey = demoApiKey(api, system, data.resolve("demo-api-key"));
            printSummary(system, apiKey);
            if (demo) {
                Demo.registerProduct(api, system.baseUrl(Service.TRIAGE));
                Demo.streamReports(api, system.baseUrl(Service.INTAKE), apiKey);
                Demo.sendComplaints(system.kafkaBootstrapServers());
            }
        } catch (RuntimeException e) {
            fail("The local system did not start: " + e.getMessage());
        }
        LocalSystem.log("started in " + LocalSystem.seconds(started) + "; logs in " + data.resolve("logs")
                + "; stop with Ctrl-C or deploy/local/stop");
        Thread.currentThread().join();
    }

    /** The process a pid file names, if it is still a live JVM (a reused pid of another program is not). */
    private static Optional<ProcessHandle> running(Path pidFile) throws IOException {
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        try {
            return ProcessHandle.of(Long.parseLong(Files.readString(pidFile).strip()))
                    .filter(ProcessHandle::isAlive)
                    .filter(process -> process.info()
                            .command()
                            .map(command -> command.endsWith("java"))
                            .orElse(true));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The demo fleet's API key: created once on intake, then reused from {@code file}. */
    private static String demoApiKey(ApiClient api, LocalSystem system, Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file).strip();
            }
            ApiClient.Response response = api.send(
                    "POST",
                    system.baseUrl(Service.INTAKE) + "/api/v1/api-keys",
                    ApiClient.basic("admin", "admin-local"),
                    Map.of("client", "demo-fleet"));
            if (response.status() != 201) {
                throw new IllegalStateException(
                        "creating the demo API key answered " + response.status() + " " + response.body());
            }
            String key = response.json().path("key").asText();
            Files.writeString(file, key + "\n");
            return key;
        } catch (IOException e) {
            throw new IllegalStateException("the demo API key in " + file + ": " + e.getMessage(), e);
        }
    }

    private static void printSummary(LocalSystem system, String apiKey) {
        StringBuilder out = new StringBuilder("\nThe field safety system runs locally:\n\n");
        for (Service service : Service.values()) {
            for (int i = 0; i < system.instances(service); i++) {
                out.append(String.format(
                        "  %-24s %s   (Swagger UI, health, metrics: %s/q)%n",
                        i == 0 ? service.module() : "  instance " + (i + 1),
                        system.baseUrl(service, i),
                        system.managementUrl(service, i)));
            }
        }
        out.append(String.format("  %-24s %s%n", "Kafka bootstrap", system.kafkaBootstrapServers()));
        out.append(String.format(
                "  %-24s %s (user postgres, password postgres; databases intake, triage, fsca, change_control)%n",
                "PostgreSQL", system.jdbcUrl("<database>")));
        out.append(String.format(
                "  %-24s %s   (realm %s; administration: %s/admin, user %s, password %s)%n",
                "Keycloak",
                system.keycloakUrl(),
                KeycloakServer.REALM,
                system.keycloakUrl(),
                KeycloakServer.ADMIN_USER,
                KeycloakServer.ADMIN_PASSWORD));
        out.append("\nAccounts of the local realm (sign in to the console at ")
                .append(system.baseUrl(Service.FSCA))
                .append("/console):\n\n");
        out.append(String.format("  %-8s %-14s %-15s %s%n", "user", "password", "full name", "roles"));
        ACCOUNTS.forEach(account -> out.append(String.format(
                "  %-8s %-14s %-15s %s%n", account.get(0), account.get(1), account.get(2), account.get(3))));
        out.append("\nA token for the API (or curl -u ra:ra-local on this local run):\n\n");
        out.append("  TOKEN=$(curl -s -d grant_type=password -d client_id=fieldsafety-cli -d username=ra"
                        + " -d password=ra-local ")
                .append(system.issuerUrl())
                .append("/protocol/openid-connect/token | sed 's/.*\"access_token\":\"\\([^\"]*\\)\".*/\\1/')\n");
        out.append("  curl -H \"Authorization: Bearer $TOKEN\" ")
                .append(system.baseUrl(Service.FSCA))
                .append("/api/v1/fsca-cases\n");
        out.append("\nDemo fleet API key: ").append(apiKey).append("\n\nPost a field report:\n\n");
        out.append(curlExample(system.baseUrl(Service.INTAKE), apiKey)).append("\n");
        out.append("\nFollow the system as the PMS does (tools/pms-client/README.md):\n\n");
        out.append("  tools/pms-client/pms follow --from-beginning\n");
        System.out.println(out);
    }

    private static String curlExample(String intakeUrl, String apiKey) {
        FieldReport report = FieldReport.example(
                Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS),
                PatientOutcome.SERIOUS_INJURY);
        String body;
        try {
            body = ApiClient.JSON.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return "curl -i -X POST " + intakeUrl + "/api/v1/field-reports \\\n"
                + "  -H 'Content-Type: application/json' -H 'X-API-Key: " + apiKey + "' \\\n"
                + "  -H \"Idempotency-Key: $(cat /proc/sys/kernel/random/uuid)\" \\\n"
                + "  -d '" + body + "'";
    }

    private static void deleteIfOwn(Path pidFile) {
        try {
            if (Files.exists(pidFile)
                    && Files.readString(pidFile)
                            .strip()
                            .equals(String.valueOf(ProcessHandle.current().pid()))) {
                Files.delete(pidFile);
            }
        } catch (IOException e) {
            // a stale pid file is recognised as stale on the next start
        }
    }

    private static void fail(String message) {
        System.err.println(message);
        System.exit(1);
    }
}
