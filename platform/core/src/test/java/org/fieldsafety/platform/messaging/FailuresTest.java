package org.fieldsafety.platform.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.pgclient.PgException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.util.concurrent.CompletionException;
import org.fieldsafety.platform.domain.NotFound;
import org.fieldsafety.platform.domain.Unavailable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FailuresTest {

    @ParameterizedTest(name = "SQLSTATE {0} permanent: {1}")
    @CsvSource({
        "22001, true", // string data right truncation
        "23505, true", // unique violation
        "42P01, true", // undefined table
        "08006, false", // connection failure
        "57P01, false", // admin shutdown: PostgreSQL restarting
        "57P03, false", // cannot connect now: PostgreSQL starting
        "53300, false", // too many connections
        "40001, false" // serialization failure
    })
    void databaseErrorsArePermanentOnlyWhenTheDataCausesThem(String sqlState, boolean permanent) {
        PgException error = new PgException("failed", "ERROR", sqlState, "detail");

        assertEquals(permanent, Failures.permanent(new CompletionException(error)));
    }

    @ParameterizedTest(name = "JDBC SQLSTATE {0} permanent: {1}")
    @CsvSource({"23505, true", "08006, false", "57P01, false"})
    void jdbcErrorsAreReadTheSameWay(String sqlState, boolean permanent) {
        SQLException error = new SQLException("failed", sqlState);

        assertEquals(permanent, Failures.permanent(new IllegalStateException(error)));
    }

    @ParameterizedTest(name = "{0} permanent: {1}")
    @CsvSource({
        "java.lang.NullPointerException, true",
        "java.lang.IllegalArgumentException, true",
        "java.util.concurrent.TimeoutException, false",
        "java.lang.IllegalStateException, false"
    })
    void programmingErrorsArePermanentAndTheRestPasses(Class<? extends Exception> type, boolean permanent)
            throws ReflectiveOperationException {
        Exception error = type.getConstructor().newInstance();

        assertEquals(permanent, Failures.permanent(new RuntimeException(error)));
    }

    @Test
    void aBrokenRuleIsPermanentAnUnavailableServicePasses() {
        assertTrue(Failures.permanent(new IllegalStateException(new NotFound("problem report"))));
        assertFalse(Failures.permanent(new Unavailable("kafka-unavailable", "retry later")));
    }

    @Test
    void aRefusedConnectionPasses() {
        assertFalse(Failures.permanent(new CompletionException(new ConnectException("refused"))));
    }
}
