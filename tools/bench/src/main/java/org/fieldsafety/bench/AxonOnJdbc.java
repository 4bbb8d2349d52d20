package org.fieldsafety.bench;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalPropertiesReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.ConnectionWrapperFactory;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configurer;
import org.fieldsafety.eventstore.EventStoreConfiguration;
import org.fieldsafety.infra.PostgresServer;
import org.fieldsafety.infra.RepositoryLayout;
import org.fieldsafety.local.ApiClient;

/**
 * Axon 4 with plain JDBC in the bench's JVM, with the services' own configuration (platform/event-store
 * {@link EventStoreConfiguration}) but without Quarkus: a pooled {@link AgroalDataSource} and a
 * thread-bound JDBC transaction instead of JTA. A command or a processor batch runs in one database
 * transaction, as in the services.
 */
final class AxonOnJdbc implements TransactionManager, ConnectionProvider, AutoCloseable {

    /** The event store's tables and the processors' dead-letter queue, which the configuration uses. */
    static final List<Path> SCHEMA = Stream.of("V1__axon_event_store.sql", "V26__dead_letter_entry.sql")
            .map(file -> Path.of("platform/event-store/src/main/resources/db/event-store", file))
            .toList();

    final AgroalDataSource dataSource;
    private final ThreadLocal<Connection> current = new ThreadLocal<>();

    /** Inside a transaction neither closing nor committing a connection is Axon's business. */
    private static final ConnectionWrapperFactory.ConnectionCloseHandler TRANSACTION_ENDS_IT =
            new ConnectionWrapperFactory.ConnectionCloseHandler() {
                @Override
                public void close(Connection connection) {}

                @Override
                public void commit(Connection connection) {}
            };

    AxonOnJdbc(PostgresServer postgres, String database, int poolSize) throws SQLException {
        dataSource = AgroalDataSource.from(new AgroalPropertiesReader()
                .readProperties(Map.of(
                        AgroalPropertiesReader.JDBC_URL,
                        postgres.jdbcUrl(database),
                        AgroalPropertiesReader.PRINCIPAL,
                        PostgresServer.USER,
                        AgroalPropertiesReader.CREDENTIAL,
                        PostgresServer.PASSWORD,
                        AgroalPropertiesReader.MAX_SIZE,
                        String.valueOf(poolSize)))
                .get());
    }

    /** A fresh database with the event store's tables, read from platform/event-store. */
    static void createEventStore(PostgresServer postgres, String database) throws IOException, SQLException {
        postgres.ensureDatabase(database);
        try (Connection connection = java.sql.DriverManager.getConnection(
                        postgres.jdbcUrl(database), PostgresServer.USER, PostgresServer.PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute(
                    "drop table if exists domain_event_entry, snapshot_event_entry, token_entry, dead_letter_entry");
            for (Path ddl : SCHEMA) {
                statement.execute(Files.readString(RepositoryLayout.root().resolve(ddl)));
            }
        }
    }

    /** The services' Axon configuration on this database; callers add their aggregate or handler. */
    Configurer configurer() {
        return EventStoreConfiguration.configurer(this, this, ApiClient.JSON, EventStoreConfiguration.SEGMENTS);
    }

    /** Binds a connection without auto-commit to this thread; a nested transaction joins it. */
    @Override
    public Transaction startTransaction() {
        if (current.get() != null) {
            return new Transaction() {
                @Override
                public void commit() {}

                @Override
                public void rollback() {}
            };
        }
        try {
            Connection connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            current.set(connection);
            return new Transaction() {
                @Override
                public void commit() {
                    end(connection, true);
                }

                @Override
                public void rollback() {
                    end(connection, false);
                }
            };
        } catch (SQLException e) {
            throw new IllegalStateException("Could not begin a transaction", e);
        }
    }

    private void end(Connection connection, boolean commit) {
        current.remove();
        try (connection) {
            if (commit) {
                connection.commit();
            } else {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not end a transaction", e);
        }
    }

    /** The thread's transaction's connection (closing it is a no-op), or an auto-commit one outside one. */
    @Override
    public Connection getConnection() throws SQLException {
        Connection connection = current.get();
        if (connection != null) {
            return ConnectionWrapperFactory.wrap(connection, TRANSACTION_ENDS_IT);
        }
        Connection own = dataSource.getConnection();
        own.setAutoCommit(true);
        return own;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
