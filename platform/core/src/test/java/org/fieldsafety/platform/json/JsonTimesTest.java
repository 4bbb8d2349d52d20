package org.fieldsafety.platform.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.DefaultDeserializationContext;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTimesTest {

    private final ObjectMapper json = JsonMapper.builder()
            .addModules(JsonTimes.modules())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    record Stamped(Instant at) {}

    @Test
    void readsEveryInstantAsItsOwnTextGivesItBack() {
        SplittableRandom random = new SplittableRandom(62304);
        for (int i = 0; i < 100_000; i++) {
            // years 1970 to about 2600, with 0, 3, 6 or 9 fraction digits as Instant.toString varies them
            Instant instant = Instant.ofEpochSecond(random.nextLong(20_000_000_000L), fraction(random));
            assertEquals(instant, JsonTimes.canonical(instant.toString()));
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-12-06T10:00:01Z",
                "2026-12-06T10:00:01.1Z",
                "2026-12-06T10:00:01.12Z",
                "2026-12-06T10:00:01.123456789Z",
                "2024-02-29T23:59:59.000000001Z",
                "0000-01-01T00:00:00Z"
            })
    void readsTheCanonicalFormWithAnyNumberOfFractionDigitsAsTheGeneralParserDoes(String text) {
        assertEquals(Instant.parse(text), JsonTimes.canonical(text));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-12-06T10:00:01+01:00",
                "2026-12-06T10:00:01.Z",
                "2026-12-06T10:00Z",
                "2026-12-06t10:00:01Z",
                "2026-12-06T10:00:01z",
                "2026-12-06T10:00:01.1234567890Z",
                "2026-12-06T24:00:00Z",
                "2026-12-06T10:60:00Z",
                "2026-12-06T10:00:60Z",
                "2025-02-29T10:00:00Z",
                "2026-13-01T10:00:00Z",
                "2026-00-01T10:00:00Z",
                "2026-12-00T10:00:00Z",
                "+12026-12-06T10:00:01Z",
                "2026-12-06T1a:00:01Z",
                "2026-12-06 10:00:01Z",
                ""
            })
    void leavesEveryOtherTextToTheGeneralParser(String text) {
        assertNull(JsonTimes.canonical(text));
    }

    @Test
    void aMapperReadsTheOtherFormsAsJacksonDoes() throws Exception {
        assertEquals(Instant.parse("2026-12-06T10:00:01Z"), at("\"2026-12-06T11:00:01+01:00\""));
        assertEquals(Instant.ofEpochSecond(1_796_551_201L), at("1796551201"));
        assertNull(at("null"));
        assertEquals(Instant.parse("2026-12-06T10:00:01.500Z"), at("\"2026-12-06T10:00:01.5Z\""));
    }

    @Test
    void aMapperRefusesTextThatIsNoInstantAsJacksonDoes() {
        assertThrows(
                InvalidFormatException.class, () -> json.readValue("{\"at\":\"2025-02-29T10:00:00Z\"}", Stamped.class));
    }

    @Test
    void aMapperWritesInstantsAsText() throws Exception {
        assertEquals(
                "{\"at\":\"2026-12-06T10:00:01.123456Z\"}",
                json.writeValueAsString(new Stamped(Instant.parse("2026-12-06T10:00:01.123456Z"))));
    }

    @Test
    void theCustomizedMapperKeepsTheFasterReaderWhenTheTimeModuleIsRegisteredAfterIt() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        new JsonTimes().customize(mapper);
        mapper.registerModule(new JavaTimeModule());
        JsonDeserializer<?> reader = ((DefaultDeserializationContext) mapper.getDeserializationContext())
                .createInstance(mapper.getDeserializationConfig(), null, null)
                .findRootValueDeserializer(mapper.constructType(Instant.class));
        assertEquals(JsonTimes.Reader.class, reader.getClass());
    }

    private Instant at(String value) throws Exception {
        return json.readValue("{\"at\":" + value + "}", Stamped.class).at();
    }

    private static int fraction(SplittableRandom random) {
        return switch (random.nextInt(4)) {
            case 0 -> 0;
            case 1 -> random.nextInt(1000) * 1_000_000;
            case 2 -> random.nextInt(1_000_000) * 1000;
            default -> random.nextInt(1_000_000_000);
        };
    }
}
