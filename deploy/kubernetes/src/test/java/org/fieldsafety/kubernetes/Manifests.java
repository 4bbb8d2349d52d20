package org.fieldsafety.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The manifests under deploy/kubernetes as JSON trees, and a Kustomize build of a directory in the subset of
 * Kustomize the overlays use: {@code resources} (files and directories), {@code namespace}, {@code images}
 * and {@code patches} by {@code path}, each patch a strategic merge patch found by apiVersion, kind and
 * name. As in Kustomize, lists of the built-in kinds whose items carry a {@code name} (containers, env,
 * volumes) merge by name; other lists, and every list of a custom resource, are replaced. A field outside
 * that subset fails the build rather than being ignored.
 */
final class Manifests {

    static final Path MODULE = Path.of("").toAbsolutePath();
    static final Path BASE = MODULE.resolve("base");
    static final List<Path> OVERLAYS = List.of(MODULE.resolve("overlays/local"), MODULE.resolve("overlays/production"));
    static final Path REPOSITORY = MODULE.getParent().getParent();

    static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Set<String> KUSTOMIZATION_FIELDS =
            Set.of("apiVersion", "kind", "namespace", "resources", "patches", "images");
    private static final Set<String> BUILT_IN_GROUPS =
            Set.of("v1", "apps", "policy", "autoscaling", "networking.k8s.io");

    private Manifests() {}

    /** The documents of a YAML file, in order. */
    static List<ObjectNode> read(Path file) {
        try (var parser = YAML.createParser(file.toFile())) {
            List<ObjectNode> documents = new ArrayList<>();
            Iterator<ObjectNode> values = YAML.readValues(parser, ObjectNode.class);
            values.forEachRemaining(document -> {
                if (document != null && !document.isEmpty()) {
                    documents.add(document);
                }
            });
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException(file.toString(), e);
        }
    }

    /** What {@code kustomize build directory} gives, for the subset described above. */
    static List<ObjectNode> render(Path directory) {
        ObjectNode kustomization = read(directory.resolve("kustomization.yaml")).get(0);
        kustomization.fieldNames().forEachRemaining(field -> {
            if (!KUSTOMIZATION_FIELDS.contains(field)) {
                throw new IllegalStateException(directory + ": kustomization field " + field + " is not rendered here");
            }
        });
        List<ObjectNode> documents = new ArrayList<>();
        for (JsonNode resource : kustomization.path("resources")) {
            Path path = directory.resolve(resource.asText()).normalize();
            documents.addAll(Files.isDirectory(path) ? render(path) : read(path));
        }
        for (JsonNode patch : kustomization.path("patches")) {
            if (patch.size() != 1 || !patch.has("path")) {
                throw new IllegalStateException(directory + ": only patches by path are rendered here: " + patch);
            }
            for (ObjectNode document : read(directory.resolve(patch.path("path").asText()))) {
                ObjectNode target = find(documents, document, directory);
                merge(target, document, BUILT_IN_GROUPS.contains(group(target)));
            }
        }
        for (JsonNode image : kustomization.path("images")) {
            renameImage(documents, image);
        }
        if (kustomization.has("namespace")) {
            documents.forEach(document -> ((ObjectNode) document.path("metadata"))
                    .put("namespace", kustomization.path("namespace").asText()));
        }
        return documents;
    }

    /** A service module's application.properties, e.g. {@code applicationProperties("intake-service")}. */
    static Properties applicationProperties(String service) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(
                REPOSITORY.resolve(service).resolve("src/main/resources/application.properties"))) {
            properties.load(in);
        }
        return properties;
    }

    static String name(JsonNode document) {
        return document.path("metadata").path("name").asText();
    }

    static List<ObjectNode> ofKind(List<ObjectNode> documents, String kind) {
        return documents.stream()
                .filter(document -> document.path("kind").asText().equals(kind))
                .toList();
    }

    static ObjectNode named(List<ObjectNode> documents, String kind, String name) {
        return ofKind(documents, kind).stream()
                .filter(document -> name(document).equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    private static String group(JsonNode document) {
        String apiVersion = document.path("apiVersion").asText();
        return apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : apiVersion;
    }

    private static ObjectNode find(List<ObjectNode> documents, ObjectNode patch, Path directory) {
        List<ObjectNode> targets = documents.stream()
                .filter(document -> document.path("apiVersion").equals(patch.path("apiVersion")))
                .filter(document -> document.path("kind").equals(patch.path("kind")))
                .filter(document -> name(document).equals(name(patch)))
                .toList();
        if (targets.size() != 1) {
            throw new IllegalStateException(directory + ": a patch of "
                    + patch.path("kind").asText() + " " + name(patch) + " matches " + targets.size() + " resources");
        }
        return targets.get(0);
    }

    private static void merge(ObjectNode target, ObjectNode patch, boolean mergeListsByName) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = patch.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode current = target.get(field.getKey());
            JsonNode value = field.getValue();
            if (value.isNull()) {
                target.remove(field.getKey());
            } else if (current instanceof ObjectNode object && value instanceof ObjectNode patchObject) {
                merge(object, patchObject, mergeListsByName);
            } else if (mergeListsByName
                    && current instanceof ArrayNode list
                    && value instanceof ArrayNode patchList
                    && named(list)
                    && named(patchList)) {
                mergeByName(list, patchList);
            } else {
                target.set(field.getKey(), value.deepCopy());
            }
        }
    }

    private static boolean named(ArrayNode list) {
        for (JsonNode item : list) {
            if (!item.isObject() || !item.has("name")) {
                return false;
            }
        }
        return true;
    }

    private static void mergeByName(ArrayNode list, ArrayNode patch) {
        for (JsonNode item : patch) {
            ObjectNode existing = null;
            for (JsonNode candidate : list) {
                if (candidate.path("name").equals(item.path("name"))) {
                    existing = (ObjectNode) candidate;
                }
            }
            if (existing == null) {
                list.add(item.deepCopy());
            } else {
                merge(existing, (ObjectNode) item, true);
            }
        }
    }

    private static void renameImage(List<ObjectNode> documents, JsonNode image) {
        String name = image.path("name").asText();
        boolean found = false;
        for (ObjectNode deployment : ofKind(documents, "Deployment")) {
            for (JsonNode container :
                    deployment.path("spec").path("template").path("spec").path("containers")) {
                String current = container.path("image").asText();
                String currentName = current.contains(":") ? current.substring(0, current.lastIndexOf(':')) : current;
                if (currentName.equals(name)) {
                    ((ObjectNode) container)
                            .put(
                                    "image",
                                    image.path("newName").asText(name) + ":"
                                            + image.path("newTag").asText());
                    found = true;
                }
            }
        }
        if (!found) {
            throw new IllegalStateException("no container runs the image " + name);
        }
    }
}
