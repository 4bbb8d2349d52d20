package org.fieldsafety.systemtests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.properties.HasAnnotations;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * docs/api.md lists every HTTP endpoint of the services, and only those: each JAX-RS resource method
 * ({@code @GET}, {@code @POST}, {@code @PUT}, {@code @DELETE} or {@code @PATCH}, its path the class's
 * {@code @Path} joined with its own) of a service's compiled classes, or of a platform module's that the
 * service includes, is a heading {@code ### METHOD /path} under that service's {@code ## <name>-service}
 * section, and every such heading has a resource method (a REST client's interface, another service's API as
 * this one calls it, is not one). Reads {@code <service>/target/classes} and
 * {@code platform/<module>/target/classes}, which the reactor builds before this module.
 */
class ApiReferenceTest {

    private static final String DOCUMENT = "docs/api.md";
    private static final String JAX_RS = "jakarta.ws.rs.";
    private static final String REST_CLIENT = "org.eclipse.microprofile.rest.client.inject.RegisterRestClient";
    private static final String IF_BUILD_PROPERTY = "io.quarkus.arc.properties.IfBuildProperty";
    private static final List<String> HTTP_METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH");
    private static final Pattern SERVICE_SECTION = Pattern.compile("^## (\\S+-service)\\b.*");
    private static final Pattern SECTION = Pattern.compile("^## .*");
    private static final Pattern ENDPOINT =
            Pattern.compile("^### `?(" + String.join("|", HTTP_METHODS) + ") (/[^\\s`]*)`?\\s*$");

    /** One endpoint: the service that serves it, the HTTP method and the path template. */
    record Endpoint(String service, String method, String path) implements Comparable<Endpoint> {

        @Override
        public int compareTo(Endpoint other) {
            return toString().compareTo(other.toString());
        }

        @Override
        public String toString() {
            return service + ": " + method + " " + path;
        }
    }

    @Test
    void everyResourceMethodIsListed() {
        Set<Endpoint> served = served();
        assertFalse(served.isEmpty(), "no resource method found in the services' target/classes");
        Set<Endpoint> missing = new TreeSet<>(served);
        missing.removeAll(listed());
        assertTrue(
                missing.isEmpty(),
                "resource methods that " + DOCUMENT + " does not list under their service (add a heading"
                        + " '### METHOD /path'):\n  " + join(missing));
    }

    @Test
    void everyListedEndpointIsServed() {
        Set<Endpoint> unknown = new TreeSet<>(listed());
        unknown.removeAll(served());
        assertTrue(
                unknown.isEmpty(),
                DOCUMENT + " lists endpoints that no resource method of that service serves (move them to"
                        + " 'Planned' or remove them):\n  " + join(unknown));
    }

    /** The endpoint headings of docs/api.md, each with the service section it stands in (null outside one). */
    static Set<Endpoint> listed() {
        Set<Endpoint> endpoints = new TreeSet<>();
        String service = null;
        for (String line : Repository.lines(DOCUMENT)) {
            Matcher section = SERVICE_SECTION.matcher(line);
            if (section.matches()) {
                service = section.group(1);
            } else if (SECTION.matcher(line).matches()) {
                service = null;
            }
            Matcher endpoint = ENDPOINT.matcher(line);
            if (endpoint.matches()) {
                endpoints.add(new Endpoint(service, endpoint.group(1), endpoint.group(2)));
            }
        }
        return endpoints;
    }

    /**
     * The resource methods of every service's compiled classes and of the classes it includes from the platform
     * modules its pom depends on.
     */
    static Set<Endpoint> served() {
        Map<String, List<JavaClass>> platform = new TreeMap<>();
        for (Path module : Repository.modules("platform")) {
            List<JavaClass> types = new ArrayList<>();
            new ClassFileImporter().importPath(classes(module)).forEach(types::add);
            platform.put(artifactId(module), types);
        }
        Set<Endpoint> endpoints = new TreeSet<>();
        for (Path service : Repository.services()) {
            String name = service.getFileName().toString();
            Properties settings = Repository.settings(service);
            String pom = read(service.resolve("pom.xml"));
            List<JavaClass> types = new ArrayList<>();
            new ClassFileImporter().importPath(classes(service)).forEach(types::add);
            platform.entrySet().stream()
                    .filter(module -> pom.contains("<artifactId>" + module.getKey() + "</artifactId>"))
                    .flatMap(module -> module.getValue().stream())
                    .filter(type -> includes(settings, type))
                    .forEach(types::add);
            for (JavaClass type : types) {
                if (type.isAnnotatedWith(REST_CLIENT)) {
                    continue; // a client of another service's API, which that service's section lists
                }
                for (JavaMethod method : type.getMethods()) {
                    for (String http : HTTP_METHODS) {
                        if (method.isAnnotatedWith(JAX_RS + http)) {
                            endpoints.add(new Endpoint(name, http, join(path(type), path(method))));
                        }
                    }
                }
            }
        }
        return endpoints;
    }

    /** A module's own artifact id: the first one in its pom after the parent's. */
    private static String artifactId(Path module) {
        String pom = read(module.resolve("pom.xml")).replaceFirst("(?s)<parent>.*?</parent>", "");
        Matcher artifact = Pattern.compile("<artifactId>([^<]+)</artifactId>").matcher(pom);
        assertTrue(artifact.find(), module + "/pom.xml names no artifactId");
        return artifact.group(1);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path classes(Path module) {
        Path classes = module.resolve("target/classes");
        assertTrue(
                Files.isDirectory(classes),
                classes + " is missing: build the services first (./mvnw -pl system-tests -am test)");
        return classes;
    }

    /**
     * Whether a service includes a platform class: always, unless the class is built only with a build
     * property ({@code @IfBuildProperty}) that the service does not set to the value named.
     */
    private static boolean includes(Properties settings, JavaClass type) {
        return type.tryGetAnnotationOfType(IF_BUILD_PROPERTY)
                .map(condition -> condition
                        .get("stringValue")
                        .map(Object::toString)
                        .equals(condition.get("name").map(Object::toString).map(settings::getProperty)))
                .orElse(true);
    }

    private static String path(HasAnnotations<?> element) {
        return element.tryGetAnnotationOfType(JAX_RS + "Path")
                .flatMap(path -> path.get("value"))
                .map(Object::toString)
                .orElse("");
    }

    /**
     * The path of a class and a method template joined as JAX-RS joins them, a template's regular
     * expression dropped ({@code {id: \d+}} is {@code {id}}).
     */
    static String join(String... templates) {
        List<String> segments = new ArrayList<>();
        Arrays.stream(templates)
                .map(template -> template.replaceAll("\\{\\s*(\\w+)\\s*:[^}]*}", "{$1}"))
                .flatMap(template -> Arrays.stream(template.split("/")))
                .filter(segment -> !segment.isBlank())
                .forEach(segments::add);
        return "/" + String.join("/", segments);
    }

    private static String join(Set<Endpoint> endpoints) {
        return endpoints.stream().map(Endpoint::toString).collect(Collectors.joining("\n  "));
    }
}
