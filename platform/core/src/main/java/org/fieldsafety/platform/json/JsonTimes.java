package org.fieldsafety.platform.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * How every JSON mapper of the services reads and writes times: Jackson's Java time module, with an
 * {@link Instant} in the text {@link Instant#toString()} gives ({@code 2026-12-06T10:00:01.123456Z}) read
 * without {@code DateTimeFormatter}, whose general parser was 4.6 and 8 % of the fsca and change-control
 * services' profile samples (docs/profile.md section 17). Any other form, such as an offset other than
 * {@code Z}, a leap second or epoch seconds, goes to Jackson's own reader, so what parses is what parsed
 * before.
 *
 * <p>As a customizer it applies the modules to the services' CDI {@link ObjectMapper} too, the one the
 * event store's serializer and the REST layer use. The time module it adds first is ignored when the
 * mapper already has it, so the faster reader is the last one registered whatever the order.
 */
@Singleton
public class JsonTimes implements ObjectMapperCustomizer {

    /** The modules, in the order a mapper registers them. */
    public static List<Module> modules() {
        return List.of(
                new JavaTimeModule(),
                new SimpleModule("canonical-instants").addDeserializer(Instant.class, new Reader()));
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModules(modules());
    }

    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    /**
     * The instant {@code text} names when it is in the canonical form: a four-digit year, seconds, an optional
     * fraction of one to nine digits, and {@code Z}; null for any other text, which the caller parses the general
     * way.
     */
    static Instant canonical(String text) {
        int length = text.length();
        if (length < 20
                || length == 21
                || length > 30
                || text.charAt(4) != '-'
                || text.charAt(7) != '-'
                || text.charAt(10) != 'T'
                || text.charAt(13) != ':'
                || text.charAt(16) != ':'
                || text.charAt(length - 1) != 'Z'
                || (length > 20 && text.charAt(19) != '.')) {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        int fraction = length > 20 ? digits(text, 20, length - 1) : 0;
        if (year < 0
                || month < 1
                || month > 12
                || day < 1
                || hour < 0
                || hour > 23
                || minute < 0
                || minute > 59
                || second < 0
                || second > 59
                || fraction < 0
                || day > YearMonth.of(year, month).lengthOfMonth()) {
            return null;
        }
        int nanos = fraction;
        for (int digitsGiven = length - 21; digitsGiven < 9; digitsGiven++) {
            nanos *= 10;
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    }

    /** The decimal number in {@code text} from {@code start} to {@code end}, or -1 when a character is no digit. */
    private static int digits(String text, int start, int end) {
        int value = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** Reads the canonical text at once and hands anything else to Jackson's {@link InstantDeserializer}. */
    static final class Reader extends StdScalarDeserializer<Instant> {

        Reader() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.hasToken(JsonToken.VALUE_STRING)) {
                Instant instant = canonical(parser.getText());
                if (instant != null) {
                    return instant;
                }
            }
            return InstantDeserializer.INSTANT.deserialize(parser, context);
        }
    }
}
