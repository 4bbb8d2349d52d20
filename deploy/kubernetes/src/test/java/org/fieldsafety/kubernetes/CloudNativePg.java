package org.fieldsafety.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A structural check of CloudNativePG's resources, whose CRD schema no Maven Central artifact carries: every
 * field must be one of those this project uses, named as in CloudNativePG's API reference
 * (postgresql.cnpg.io/v1), with integers, booleans and quantities where the reference has them. A field
 * spelled wrongly, or one the project has not used before, fails here until it is added below.
 */
final class CloudNativePg {

    /** The fields of each object, by its path from the resource (a list's items end in []). */
    private static final Map<String, Set<String>> FIELDS = Map.ofEntries(
            Map.entry("", Set.of("apiVersion", "kind", "metadata", "spec")),
            Map.entry("metadata", Set.of("name", "namespace", "labels")),
            Map.entry("metadata.labels", Set.of("*")),
            Map.entry(
                    "Cluster.spec",
                    Set.of("instances", "imageName", "bootstrap", "managed", "storage", "resources", "backup")),
            Map.entry("Cluster.spec.bootstrap", Set.of("initdb")),
            Map.entry("Cluster.spec.bootstrap.initdb", Set.of("database", "owner")),
            Map.entry("Cluster.spec.managed", Set.of("roles")),
            Map.entry("Cluster.spec.managed.roles[]", Set.of("name", "ensure", "login", "passwordSecret")),
            Map.entry("Cluster.spec.managed.roles[].passwordSecret", Set.of("name")),
            Map.entry("Cluster.spec.storage", Set.of("size", "storageClass")),
            Map.entry("Cluster.spec.resources", Set.of("requests", "limits")),
            Map.entry("Cluster.spec.resources.requests", Set.of("cpu", "memory")),
            Map.entry("Cluster.spec.resources.limits", Set.of("cpu", "memory")),
            Map.entry("Cluster.spec.backup", Set.of("retentionPolicy", "barmanObjectStore")),
            Map.entry(
                    "Cluster.spec.backup.barmanObjectStore", Set.of("destinationPath", "s3Credentials", "wal", "data")),
            Map.entry("Cluster.spec.backup.barmanObjectStore.s3Credentials", Set.of("accessKeyId", "secretAccessKey")),
            Map.entry("Cluster.spec.backup.barmanObjectStore.s3Credentials.accessKeyId", Set.of("name", "key")),
            Map.entry("Cluster.spec.backup.barmanObjectStore.s3Credentials.secretAccessKey", Set.of("name", "key")),
            Map.entry("Cluster.spec.backup.barmanObjectStore.wal", Set.of("compression")),
            Map.entry("Cluster.spec.backup.barmanObjectStore.data", Set.of("compression")),
            Map.entry("ScheduledBackup.spec", Set.of("schedule", "backupOwnerReference", "cluster")),
            Map.entry("ScheduledBackup.spec.cluster", Set.of("name")));

    private static final Set<String> INTEGERS = Set.of("Cluster.spec.instances");
    private static final Set<String> BOOLEANS = Set.of("Cluster.spec.managed.roles[].login");
    private static final Set<String> QUANTITIES = Set.of(
            "Cluster.spec.storage.size",
            "Cluster.spec.resources.requests.cpu",
            "Cluster.spec.resources.requests.memory",
            "Cluster.spec.resources.limits.cpu",
            "Cluster.spec.resources.limits.memory");

    private CloudNativePg() {}

    static boolean handles(JsonNode document) {
        return document.path("apiVersion").asText().equals("postgresql.cnpg.io/v1")
                && Set.of("Cluster", "ScheduledBackup")
                        .contains(document.path("kind").asText());
    }

    /** The fields of a resource that the check does not know or whose value has the wrong type. */
    static List<String> problems(JsonNode document) {
        List<String> problems = new ArrayList<>();
        check(document, "", document.path("kind").asText(), problems);
        return problems;
    }

    private static void check(JsonNode node, String path, String kind, List<String> problems) {
        String key = path.isEmpty() || path.startsWith("metadata") ? path : kind + "." + path;
        if (INTEGERS.contains(key) && !node.isInt()) {
            problems.add(key + ": not an integer");
        }
        if (BOOLEANS.contains(key) && !node.isBoolean()) {
            problems.add(key + ": not a boolean");
        }
        if (QUANTITIES.contains(key)) {
            try {
                Quantity.parse(node.asText()).getNumericalAmount();
            } catch (IllegalArgumentException e) {
                problems.add(key + ": not a quantity");
            }
        }
        if (node.isArray()) {
            node.forEach(item -> check(item, path + "[]", kind, problems));
        }
        if (!node.isObject()) {
            return;
        }
        Set<String> allowed = FIELDS.get(key);
        if (allowed == null) {
            problems.add(key + ": an object where the API reference has a value");
            return;
        }
        node.fieldNames().forEachRemaining(field -> {
            if (!allowed.contains("*") && !allowed.contains(field)) {
                problems.add(key + ": unknown field " + field);
            } else if (!allowed.contains("*")) {
                check(node.path(field), path.isEmpty() ? field : path + "." + field, kind, problems);
            }
        });
    }
}
