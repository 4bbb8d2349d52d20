package org.fieldsafety.fsca.vigilance.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The gateway as directories, the shape of the FDA ESG's and EUDAMED's file exchanges: each submission's file
 * is written to {@code outbox/} (atomically: written aside, then moved in), and each acknowledgement file an
 * operator or a gateway client drops into {@code inbox/} ({@code *.json}: {@code {"reportId", "accepted",
 * "authorityReference"}} or {@code {"reportId", "accepted": false, "reason"}}) is read back, then moved to
 * {@code inbox/processed/}, or to {@code inbox/failed/} beside a {@code .reason.txt} saying why.
 */
@ApplicationScoped
public class DirectoryGateway implements SubmissionGateway {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path outbox;
    private final Path inbox;

    DirectoryGateway(@ConfigProperty(name = "fieldsafety.vigilance.gateway.directory") Path directory) {
        this.outbox = directory.resolve("outbox");
        this.inbox = directory.resolve("inbox");
    }

    @Override
    public void send(OutgoingFile file) {
        try {
            Files.createDirectories(outbox);
            Path target = outbox.resolve(file.name());
            Path aside = outbox.resolve("." + file.name() + ".part");
            Files.write(aside, file.content());
            Files.move(aside, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("the submission file " + file.name() + " could not be written", e);
        }
    }

    @Override
    public List<Answer> answers() {
        if (!Files.isDirectory(inbox)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(inbox)) {
            List<Answer> answers = new ArrayList<>();
            files.filter(f -> f.getFileName().toString().endsWith(".json") && Files.isRegularFile(f))
                    .sorted()
                    .forEach(f -> answers.add(read(f)));
            return answers;
        } catch (IOException e) {
            throw new UncheckedIOException("the inbox " + inbox + " could not be read", e);
        }
    }

    /** A file that is no acknowledgement is answered with a null report id, to be settled as failed. */
    private static Answer read(Path file) {
        String name = file.getFileName().toString();
        try {
            JsonNode json = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
            return new Answer(
                    name,
                    text(json, "reportId"),
                    json.path("accepted").asBoolean(false),
                    text(json, "authorityReference"),
                    text(json, "reason"));
        } catch (IOException e) {
            return new Answer(name, null, false, null, null);
        }
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    @Override
    public void settle(Answer answer, String failure) {
        Path folder = inbox.resolve(failure == null ? "processed" : "failed");
        try {
            Files.createDirectories(folder);
            Files.move(
                    inbox.resolve(answer.source()),
                    folder.resolve(answer.source()),
                    StandardCopyOption.REPLACE_EXISTING);
            if (failure != null) {
                Files.writeString(folder.resolve(answer.source() + ".reason.txt"), failure, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the acknowledgement " + answer.source() + " could not be moved", e);
        }
    }
}
