package org.fieldsafety.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.Quantity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.fieldsafety.contracts.Topics;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The base and each overlay, rendered as Kustomize would (see {@link Manifests}), hold to the Kubernetes,
 * Strimzi and CloudNativePG schemas and to the rules of docs/production.md: services probed on their
 * management port, with resources, a disruption budget, autoscaling for intake and triage, network policies
 * that let them reach only DNS, Kafka, their own database and the identity provider, and secrets only by
 * reference.
 */
class ManifestsTest {

    private static final Set<String> AUTOSCALED = Set.of("intake-service", "triage-service");
    private static final Set<String> SECRET_NAMES = Set.of("PASSWORD", "KEY", "JAAS");
    private static final Map<String, List<ObjectNode>> BUILDS = builds();

    @TestFactory
    Stream<DynamicTest> everyManifestParsesStrictlyIntoItsSchemasModel() {
        return BUILDS.entrySet().stream().flatMap(build -> build.getValue().stream()
                .map(document -> DynamicTest.dynamicTest(
                        build.getKey() + ": " + document.path("kind").asText() + " " + Manifests.name(document), () -> {
                            Object typed = StrictModel.typed(document);
                            if (typed != null) {
                                assertEquals(List.of(), StrictModel.problems(typed));
                            } else {
                                assertTrue(CloudNativePg.handles(document), "a kind no model here knows");
                                assertEquals(List.of(), CloudNativePg.problems(document));
                            }
                        })));
    }

    @Test
    void everyFileIsPartOfTheBuild() throws IOException {
        for (Path directory : Stream.concat(Stream.of(Manifests.BASE), Manifests.OVERLAYS.stream())
                .toList()) {
            String kustomization = Files.readString(directory.resolve("kustomization.yaml"));
            try (Stream<Path> files = Files.list(directory)) {
                files.map(file -> file.getFileName().toString())
                        .filter(name -> !name.equals("kustomization.yaml"))
                        .forEach(name ->
                                assertTrue(kustomization.contains(name), directory + ": " + name + " is not used"));
            }
        }
    }

    @Test
    void servicesAreProbedOnTheirManagementPortAndHaveResources() throws IOException {
        for (var build : BUILDS.entrySet()) {
            for (ObjectNode deployment : Manifests.ofKind(build.getValue(), "Deployment")) {
                String where = build.getKey() + ": " + Manifests.name(deployment);
                JsonNode pod = deployment.path("spec").path("template").path("spec");
                JsonNode container = pod.path("containers").path(0);
                Properties properties = Manifests.applicationProperties(Manifests.name(deployment));
                assertEquals(
                        Map.of(
                                "http", properties.getProperty("quarkus.http.port"),
                                "management", properties.getProperty("quarkus.management.port")),
                        ports(container),
                        where);
                assertProbe(container, "startupProbe", "/q/health/started", where);
                assertProbe(container, "readinessProbe", "/q/health/ready", where);
                assertProbe(container, "livenessProbe", "/q/health/live", where);
                assertTrue(pod.path("securityContext").path("runAsNonRoot").asBoolean(), where);
                assertEquals(
                        10001, pod.path("securityContext").path("runAsUser").asInt(), where + ": the image's user");
                for (String resource : List.of("cpu", "memory")) {
                    JsonNode resources = container.path("resources");
                    Quantity request = Quantity.parse(
                            resources.path("requests").path(resource).asText());
                    Quantity limit = Quantity.parse(
                            resources.path("limits").path(resource).asText());
                    assertTrue(
                            request.getNumericalAmount().compareTo(limit.getNumericalAmount()) <= 0,
                            where + ": " + resource + " request above its limit");
                }
            }
        }
    }

    @Test
    void everyServiceHasADisruptionBudgetAndIntakeAndTriageScale() {
        for (var build : BUILDS.entrySet()) {
            List<ObjectNode> documents = build.getValue();
            for (ObjectNode deployment : Manifests.ofKind(documents, "Deployment")) {
                String name = Manifests.name(deployment);
                ObjectNode budget = Manifests.named(documents, "PodDisruptionBudget", name);
                assertEquals(
                        deployment.path("spec").path("selector"),
                        budget.path("spec").path("selector"),
                        build.getKey() + ": " + name);
            }
            List<ObjectNode> autoscalers = Manifests.ofKind(documents, "HorizontalPodAutoscaler");
            assertEquals(AUTOSCALED, names(autoscalers), build.getKey());
            for (ObjectNode autoscaler : autoscalers) {
                JsonNode spec = autoscaler.path("spec");
                assertEquals(
                        Manifests.name(autoscaler),
                        spec.path("scaleTargetRef").path("name").asText());
                assertTrue(
                        spec.path("maxReplicas").asInt() <= Topics.PARTITIONS,
                        build.getKey() + ": more consumers than partitions would idle");
                assertTrue(spec.path("minReplicas").asInt()
                        <= spec.path("maxReplicas").asInt());
            }
        }
        for (ObjectNode autoscaler : Manifests.ofKind(
                Manifests.render(Manifests.MODULE.resolve("overlays/production")), "HorizontalPodAutoscaler")) {
            assertTrue(autoscaler.path("spec").path("minReplicas").asInt() >= 2, "production keeps two instances");
        }
    }

    @Test
    void eachServiceReachesOnlyDnsKafkaItsOwnDatabaseAndTheIdentityProvider() {
        for (var build : BUILDS.entrySet()) {
            List<ObjectNode> documents = build.getValue();
            for (ObjectNode deployment : Manifests.ofKind(documents, "Deployment")) {
                String name = Manifests.name(deployment);
                String database = name.replace("-service", "-db");
                ObjectNode policy = Manifests.named(documents, "NetworkPolicy", name);
                assertEquals(
                        deployment.path("spec").path("selector").path("matchLabels"),
                        policy.path("spec").path("podSelector").path("matchLabels"));
                assertTrue(policy.path("spec").path("policyTypes").toString().contains("Egress"));
                Set<String> reached = new HashSet<>();
                for (JsonNode rule : policy.path("spec").path("egress")) {
                    for (JsonNode peer : rule.path("to")) {
                        reached.add(peer(peer, database));
                    }
                }
                assertEquals(Set.of("dns", "kafka", "own database", "identity provider"), reached, name);

                Map<String, JsonNode> env = env(deployment);
                assertEquals(
                        "jdbc:postgresql://" + database + "-rw:5432/",
                        env.get("DB_JDBC_URL").path("value").asText().replaceAll("[^/]+$", ""),
                        name);
                Manifests.named(documents, "Cluster", database);
                assertEquals(
                        name,
                        env.get("KAFKA_SASL_JAAS_CONFIG")
                                .path("valueFrom")
                                .path("secretKeyRef")
                                .path("name")
                                .asText(),
                        name + ": the secret of its KafkaUser");
                Manifests.named(documents, "KafkaUser", name);
            }
        }
    }

    @Test
    void secretsAreOnlyReferenced() {
        for (var build : BUILDS.entrySet()) {
            assertEquals(List.of(), Manifests.ofKind(build.getValue(), "Secret"), build.getKey());
            for (ObjectNode deployment : Manifests.ofKind(build.getValue(), "Deployment")) {
                env(deployment).forEach((name, variable) -> {
                    if (SECRET_NAMES.stream().anyMatch(name::contains)) {
                        assertFalse(variable.has("value"), Manifests.name(deployment) + " writes " + name);
                        assertTrue(variable.path("valueFrom").has("secretKeyRef"), name);
                    }
                });
            }
        }
    }

    @Test
    void kafkaKeepsEveryAcknowledgedMessageWhenOneBrokerIsLost() {
        for (var build : BUILDS.entrySet()) {
            JsonNode config = Manifests.named(build.getValue(), "Kafka", "fieldsafety")
                    .path("spec")
                    .path("kafka")
                    .path("config");
            assertEquals(
                    KafkaTopicsTest.REPLICAS,
                    config.path("default.replication.factor").asInt());
            assertEquals(
                    KafkaTopicsTest.MIN_IN_SYNC_REPLICAS,
                    config.path("min.insync.replicas").asInt());
            assertFalse(config.path("auto.create.topics.enable").asBoolean(true));
            JsonNode pool = Manifests.named(build.getValue(), "KafkaNodePool", "dual-role");
            assertEquals(
                    KafkaTopicsTest.REPLICAS, pool.path("spec").path("replicas").asInt(), build.getKey());
            assertEquals(
                    Topics.ALL.size(),
                    Manifests.ofKind(build.getValue(), "KafkaTopic").size());
        }
    }

    @Test
    void productionRunsThreeInstancesOfEveryDatabaseWithBackups() {
        List<ObjectNode> production = BUILDS.get("production");
        List<ObjectNode> clusters = Manifests.ofKind(production, "Cluster");
        assertEquals(4, clusters.size());
        for (ObjectNode cluster : clusters) {
            assertEquals(3, cluster.path("spec").path("instances").asInt(), Manifests.name(cluster));
            assertTrue(cluster.path("spec").path("backup").has("barmanObjectStore"), Manifests.name(cluster));
            assertEquals(
                    Manifests.name(cluster),
                    Manifests.named(production, "ScheduledBackup", Manifests.name(cluster) + "-daily")
                            .path("spec")
                            .path("cluster")
                            .path("name")
                            .asText());
        }
        for (ObjectNode deployment : Manifests.ofKind(production, "Deployment")) {
            String image = deployment
                    .path("spec")
                    .path("template")
                    .path("spec")
                    .path("containers")
                    .path(0)
                    .path("image")
                    .asText();
            assertTrue(image.startsWith("registry.example.com/fieldsafety/" + Manifests.name(deployment) + ":"), image);
        }
    }

    /** The base and each overlay, rendered; no test changes them. */
    private static Map<String, List<ObjectNode>> builds() {
        Map<String, List<ObjectNode>> builds = new LinkedHashMap<>();
        builds.put("base", Manifests.render(Manifests.BASE));
        for (Path overlay : Manifests.OVERLAYS) {
            builds.put(overlay.getFileName().toString(), Manifests.render(overlay));
        }
        return builds;
    }

    private static String peer(JsonNode peer, String database) {
        JsonNode pods = peer.path("podSelector").path("matchLabels");
        JsonNode namespaces = peer.path("namespaceSelector").path("matchLabels");
        if (pods.path("k8s-app").asText().equals("kube-dns")) {
            return "dns";
        }
        if (pods.path("strimzi.io/cluster").asText().equals("fieldsafety")
                && pods.size() == 2
                && pods.path("strimzi.io/broker-role").asText().equals("true")) {
            return "kafka";
        }
        if (pods.path("cnpg.io/cluster").asText().equals(database) && pods.size() == 1) {
            return "own database";
        }
        if (namespaces.path("kubernetes.io/metadata.name").asText().equals("identity") && pods.isMissingNode()) {
            return "identity provider";
        }
        return "something else: " + peer;
    }

    private static void assertProbe(JsonNode container, String probe, String path, String where) {
        JsonNode get = container.path(probe).path("httpGet");
        assertEquals(path, get.path("path").asText(), where + " " + probe);
        assertEquals("management", get.path("port").asText(), where + " " + probe);
    }

    private static Map<String, String> ports(JsonNode container) {
        Map<String, String> ports = new TreeMap<>();
        container
                .path("ports")
                .forEach(port -> ports.put(
                        port.path("name").asText(), port.path("containerPort").asText()));
        return ports;
    }

    private static Map<String, JsonNode> env(JsonNode deployment) {
        Map<String, JsonNode> env = new LinkedHashMap<>();
        deployment
                .path("spec")
                .path("template")
                .path("spec")
                .path("containers")
                .path(0)
                .path("env")
                .forEach(variable -> env.put(variable.path("name").asText(), variable));
        return env;
    }

    private static Set<String> names(List<ObjectNode> documents) {
        Set<String> names = new HashSet<>();
        documents.forEach(document -> names.add(Manifests.name(document)));
        return names;
    }
}
