package org.fieldsafety.fsca.vigilance.gateway;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The directory gateway: files out to the outbox, acknowledgements in from the inbox and settled. */
class DirectoryGatewayTest {

    @TempDir
    Path directory;

    @Test
    void eachSubmissionIsAFileNamedByReportKindAndSubmission() throws IOException {
        DirectoryGateway gateway = new DirectoryGateway(directory);
        byte[] xml = "<report/>".getBytes(StandardCharsets.UTF_8);
        gateway.send(new SubmissionGateway.OutgoingFile("rep-1", "INITIAL", 3, "xml", xml));
        gateway.send(new SubmissionGateway.OutgoingFile("rep-1", "INITIAL", 3, "xml", xml));
        Path file = directory.resolve("outbox/rep-1-INITIAL-3.xml");
        assertArrayEquals(xml, Files.readAllBytes(file));
        try (var files = Files.list(directory.resolve("outbox"))) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void acknowledgementsAreReadAndSettled() throws IOException {
        DirectoryGateway gateway = new DirectoryGateway(directory);
        assertEquals(List.of(), gateway.answers());
        Path inbox = Files.createDirectories(directory.resolve("inbox"));
        Files.writeString(
                inbox.resolve("a.json"), "{\"reportId\":\"rep-1\",\"accepted\":true,\"authorityReference\":\"X-1\"}");
        Files.writeString(inbox.resolve("b.json"), "{\"reportId\":\"rep-2\",\"accepted\":false,\"reason\":\"ACK3\"}");
        Files.writeString(inbox.resolve("c.json"), "not json");
        Files.writeString(inbox.resolve("ignored.txt"), "x");
        List<SubmissionGateway.Answer> answers = gateway.answers();
        assertEquals(
                List.of(
                        new SubmissionGateway.Answer("a.json", "rep-1", true, "X-1", null),
                        new SubmissionGateway.Answer("b.json", "rep-2", false, null, "ACK3"),
                        new SubmissionGateway.Answer("c.json", null, false, null, null)),
                answers);
        gateway.settle(answers.get(0), null);
        gateway.settle(answers.get(2), "not an acknowledgement");
        assertTrue(Files.exists(inbox.resolve("processed/a.json")));
        assertTrue(Files.exists(inbox.resolve("failed/c.json")));
        assertEquals("not an acknowledgement", Files.readString(inbox.resolve("failed/c.json.reason.txt")));
        assertEquals(
                List.of("b.json"),
                gateway.answers().stream().map(SubmissionGateway.Answer::source).toList());
        assertNull(gateway.answers().get(0).authorityReference());
    }
}
