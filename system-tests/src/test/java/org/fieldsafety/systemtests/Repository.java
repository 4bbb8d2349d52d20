package org.fieldsafety.systemtests;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.fieldsafety.infra.RepositoryLayout;

/** The checkout's modules and files, for the tests that hold docs/ to the code. */
final class Repository {

    static final Path ROOT = RepositoryLayout.root();

    private Repository() {}

    /** The service modules: the top-level directories named {@code *-service} that hold a pom.xml. */
    static List<Path> services() {
        try (Stream<Path> children = Files.list(ROOT)) {
            return children.filter(dir -> dir.getFileName().toString().endsWith("-service"))
                    .filter(dir -> Files.isRegularFile(dir.resolve("pom.xml")))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A service's application.properties, where its build properties and channels are set. */
    static Properties settings(Path service) {
        Properties settings = new Properties();
        try (Reader reader = Files.newBufferedReader(service.resolve("src/main/resources/application.properties"))) {
            settings.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return settings;
    }

    /**
     * The modules a short name stands for in the documents: {@code triage} is triage-service, {@code
     * system-tests} itself, {@code platform} every module under platform/.
     */
    static List<Path> modules(String shortName) {
        Path service = ROOT.resolve(shortName + "-service");
        if (Files.isRegularFile(service.resolve("pom.xml"))) {
            return List.of(service);
        }
        Path dir = ROOT.resolve(shortName);
        if (Files.isRegularFile(dir.resolve("pom.xml"))) {
            return List.of(dir);
        }
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(dir)) {
            return children.filter(child -> Files.isRegularFile(child.resolve("pom.xml")))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Java files under {@code src/<sourceSet>/java} of a module ({@code main} or {@code test}). */
    static List<Path> javaFiles(Path module, String sourceSet) {
        Path sources = module.resolve("src").resolve(sourceSet).resolve("java");
        if (!Files.isDirectory(sources)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(sources)) {
            return files.filter(file -> file.toString().endsWith(".java"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> lines(String document) {
        return read(ROOT.resolve(document)).lines().toList();
    }
}
