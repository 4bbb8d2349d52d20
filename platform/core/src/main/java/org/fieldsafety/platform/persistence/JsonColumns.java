package org.fieldsafety.platform.persistence;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.quarkus.hibernate.orm.JsonFormat;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import org.fieldsafety.platform.json.JsonTimes;
import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.format.FormatMapper;
import org.hibernate.type.format.jackson.JacksonJsonFormatMapper;

/**
 * The one way the services map a JSON column: an entity field annotated {@code @JdbcTypeCode(SqlTypes.JSON)},
 * written and read by this mapper, of a type that compares by value (a record, or a class with its own
 * {@code equals}): Hibernate compares the value with a copy at every flush, and would otherwise write it
 * again every time. The column is {@code jsonb} where a query reads inside the document, and {@code json}
 * where it is only written and read whole. Times are ISO-8601 text, so an awareness time or a deadline keeps
 * its every digit (as a JSON number it would pass through a double), and unknown properties are tolerated so
 * an older row still reads after a field is added. The reactive PostgreSQL client decodes a JSON column only
 * as an object, so a column holds one.
 */
@JsonFormat
@PersistenceUnitExtension
public class JsonColumns implements FormatMapper {

    private final FormatMapper delegate = new JacksonJsonFormatMapper(JsonMapper.builder()
            .addModules(JsonTimes.modules())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build());

    @Override
    public <T> T fromString(CharSequence text, JavaType<T> type, WrapperOptions options) {
        return delegate.fromString(text, type, options);
    }

    @Override
    public <T> String toString(T value, JavaType<T> type, WrapperOptions options) {
        return delegate.toString(value, type, options);
    }
}
