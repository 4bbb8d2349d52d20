package org.fieldsafety.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The generator makes what the malformed scenario promises, without a system to send it to. */
class MalformedTest {

    private final List<Malformed.Request> requests = new Malformed().generate(1_000);

    @Test
    void everyCategoryIsGeneratedInEqualShares() {
        Set<String> categories =
                requests.stream().map(Malformed.Request::category).collect(Collectors.toSet());
        assertEquals(10, categories.size(), categories.toString());
    }

    @Test
    void invalidUtf8BodiesAreNotUtf8() {
        requests.stream()
                .filter(request -> request.category().equals("invalid UTF-8"))
                .forEach(request -> assertThrows(
                        CharacterCodingException.class,
                        () -> StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(request.body()))));
    }

    @Test
    void malformedJsonBodiesAreNoReportObject() {
        ObjectMapper json = new ObjectMapper();
        requests.stream()
                .filter(request -> request.category().equals("malformed JSON"))
                .forEach(request -> {
                    boolean object;
                    try {
                        object = json.readTree(request.body()).isObject();
                    } catch (java.io.IOException e) {
                        object = false;
                    }
                    assertEquals(false, object, new String(request.body(), StandardCharsets.UTF_8));
                });
    }
}
