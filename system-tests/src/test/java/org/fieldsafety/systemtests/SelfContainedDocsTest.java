package org.fieldsafety.systemtests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A clean clone explains itself: no file of the repository points at the documents the project was
 * first briefed with, which a clone does not have, or at an issue tracker's numbers, and every relative
 * link of its Markdown resolves to a file or directory inside the repository.
 */
class SelfContainedDocsTest {

    /** Built from parts so that this file does not match itself. */
    private static final Pattern OUTSIDE = Pattern.compile(String.join(
            "|",
            "\\b(?:CONTRACT|REGULATORY|ARCHITECTURE|STYLE)\\." + "md\\b",
            Pattern.quote("../" + "shared"),
            "(?i)\\bissues?\\s+#?\\d+"));

    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Set<String> SKIPPED_DIRECTORIES = Set.of(".git", "target", ".local-data", "node_modules");

    @Test
    void noFilePointsOutsideTheRepository() {
        List<String> found = new ArrayList<>();
        for (Path file : textFiles()) {
            List<String> lines = Repository.read(file).lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                Matcher matcher = OUTSIDE.matcher(lines.get(i));
                if (matcher.find()) {
                    found.add(Repository.ROOT.relativize(file) + ":" + (i + 1) + ": " + matcher.group());
                }
            }
        }
        assertTrue(
                found.isEmpty(),
                "references outside the repository (point at docs/api.md, docs/architecture.md or"
                        + " docs/regulatory-rules.md, or name a commit and a date):\n  " + String.join("\n  ", found));
    }

    @Test
    void everyRelativeLinkOfTheMarkdownResolves() {
        List<String> broken = new ArrayList<>();
        for (Path file : textFiles()) {
            if (!file.toString().endsWith(".md")) {
                continue;
            }
            Matcher matcher = LINK.matcher(Repository.read(file));
            while (matcher.find()) {
                String target = matcher.group(1).replaceFirst("#.*$", "");
                if (target.isEmpty() || target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
                    continue;
                }
                Path resolved = file.getParent().resolve(target).normalize();
                if (!resolved.startsWith(Repository.ROOT) || !Files.exists(resolved)) {
                    broken.add(Repository.ROOT.relativize(file) + ": " + matcher.group(1));
                }
            }
        }
        assertTrue(
                broken.isEmpty(), "links that do not resolve inside the repository:\n  " + String.join("\n  ", broken));
    }

    /** The repository's text files: every file that reads as UTF-8, outside build and data directories. */
    private static List<Path> textFiles() {
        try (Stream<Path> files = Files.walk(Repository.ROOT)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> {
                        for (Path part : Repository.ROOT.relativize(file)) {
                            if (SKIPPED_DIRECTORIES.contains(part.toString())) {
                                return false;
                            }
                        }
                        return true;
                    })
                    .filter(SelfContainedDocsTest::isText)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isText(Path file) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file)));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
