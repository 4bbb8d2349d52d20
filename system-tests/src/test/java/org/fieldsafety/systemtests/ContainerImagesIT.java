package org.fieldsafety.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.stream.StreamSupport;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every service's container image, as the build wrote it (target/&lt;service&gt;-image.tar, an OCI image
 * layout, decision 0014): started by the Java runtime of the image on the Quarkus fast-jar, as an
 * unprivileged user, with its JVM options from {@code JAVA_TOOL_OPTIONS} (by default the heap's shape of
 * decision 0032, which the Kubernetes manifests rely on), exposing the HTTP and management ports of the
 * service's application.properties; the files the entrypoint needs are in its layers.
 */
class ContainerImagesIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> ENTRYPOINT =
            List.of("/opt/java/bin/java", "-jar", "/deployments/quarkus-run.jar");
    private static final String JVM_OPTIONS = "JAVA_TOOL_OPTIONS=-XX:InitialRAMPercentage=50 -XX:MaxRAMPercentage=50"
            + " -XX:NewRatio=1 -XX:MetaspaceSize=128m -XX:+ExitOnOutOfMemoryError";

    @TestFactory
    List<DynamicTest> everyServiceImageIsConfiguredToRunTheService() {
        assumeFalse(Boolean.getBoolean("fieldsafety.images.skipped"), "built with -Djib.skip: no images");
        return Repository.services().stream()
                .map(service -> DynamicTest.dynamicTest(service.getFileName().toString(), () -> checkImage(service)))
                .toList();
    }

    private static void checkImage(Path service) throws IOException {
        String name = service.getFileName().toString();
        Map<String, byte[]> archive = entries(service.resolve("target").resolve(name + "-image.tar"));
        JsonNode index = JSON.readTree(archive.get("index.json"));
        JsonNode manifest = JSON.readTree(blob(archive, index.path("manifests").path(0)));
        assertEquals(
                "application/vnd.oci.image.manifest.v1+json",
                manifest.path("mediaType").asText());
        JsonNode config = JSON.readTree(blob(archive, manifest.path("config"))).path("config");

        assertEquals(ENTRYPOINT, strings(config.path("Entrypoint")), name + " entrypoint");
        String user = config.path("User").asText();
        assertNotEquals("", user, name + " runs as the image's default user, root");
        assertTrue(!user.equals("0") && !user.startsWith("0:") && !user.startsWith("root"), name + " runs as root");
        assertTrue(strings(config.path("Env")).contains(JVM_OPTIONS), name + " " + config.path("Env"));
        Properties properties = applicationProperties(service);
        assertEquals(
                Set.of(
                        properties.getProperty("quarkus.http.port") + "/tcp",
                        properties.getProperty("quarkus.management.port") + "/tcp"),
                fieldNames(config.path("ExposedPorts")),
                name + " exposed ports");

        Map<String, Integer> modes = new HashMap<>();
        Map<String, String> texts = new HashMap<>();
        long compressed = 0;
        for (JsonNode layer : manifest.path("layers")) {
            compressed += layer.path("size").asLong();
            readTar(new GZIPInputStream(new ByteArrayInputStream(blob(archive, layer))), (header, content) -> {
                modes.put(header.name(), header.mode());
                if (header.name().startsWith("etc/")) {
                    texts.put(header.name(), new String(content, StandardCharsets.UTF_8));
                }
            });
        }
        assertEquals(0755, modes.getOrDefault("opt/java/bin/java", 0) & 0777, name + ": no executable Java");
        assertTrue(modes.containsKey("deployments/quarkus-run.jar"), name + ": no Quarkus application");
        assertEquals(0777, modes.getOrDefault("tmp/", 0) & 0777, name + ": /tmp not writable by the user");
        String uid = user.split(":")[0];
        assertTrue(
                texts.getOrDefault("etc/passwd", "").lines().anyMatch(line -> line.split(":")[2].equals(uid)),
                name + ": the user is not in /etc/passwd");
        System.out.printf(
                "%s: %d layers, %.1f MB compressed%n",
                name, manifest.path("layers").size(), compressed / 1e6);
    }

    private static byte[] blob(Map<String, byte[]> archive, JsonNode descriptor) {
        String digest = descriptor.path("digest").asText();
        byte[] content = archive.get("blobs/" + digest.replace(':', '/'));
        assertTrue(content != null, "the archive lacks " + digest);
        return content;
    }

    private static Map<String, byte[]> entries(Path tar) throws IOException {
        assertTrue(Files.isRegularFile(tar), tar + " was not built: run ./mvnw package");
        Map<String, byte[]> entries = new HashMap<>();
        try (InputStream in = Files.newInputStream(tar)) {
            readTar(in, (header, content) -> entries.put(header.name(), content));
        }
        return entries;
    }

    private record TarHeader(String name, int mode) {}

    /** A POSIX (ustar) archive's entries with their content; long names come from pax headers. */
    private static void readTar(InputStream in, BiConsumer<TarHeader, byte[]> entry) {
        try {
            String paxName = null;
            while (true) {
                byte[] header = in.readNBytes(512);
                if (header.length < 512 || header[0] == 0) {
                    return;
                }
                String name = field(header, 0, 100);
                String prefix = field(header, 345, 155);
                int mode = Integer.parseInt(field(header, 100, 8).trim(), 8);
                long size = Long.parseLong(field(header, 124, 12).trim(), 8);
                byte type = header[156];
                byte[] content = in.readNBytes((int) size);
                in.skipNBytes((512 - size % 512) % 512);
                if (type == 'x') {
                    paxName = paxPath(new String(content, StandardCharsets.UTF_8));
                    continue;
                }
                String path = paxName != null ? paxName : prefix.isEmpty() ? name : prefix + "/" + name;
                paxName = null;
                entry.accept(new TarHeader(path.startsWith("./") ? path.substring(2) : path, mode), content);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String paxPath(String records) {
        return records.lines()
                .map(record -> record.substring(record.indexOf(' ') + 1))
                .filter(record -> record.startsWith("path="))
                .map(record -> record.substring("path=".length()))
                .findFirst()
                .orElse(null);
    }

    private static String field(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static List<String> strings(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(JsonNode::asText)
                .toList();
    }

    private static Set<String> fieldNames(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Properties applicationProperties(Path service) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(service.resolve("src/main/resources/application.properties"))) {
            properties.load(in);
        }
        return properties;
    }
}
