package org.fieldsafety.platform.signature;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The refused signatures of this service, in its database ({@code signature_failure}, migration
 * {@code db/signature}); blocking JDBC. A failure is kept whatever becomes of the request that failed.
 */
@ApplicationScoped
public class SignatureFailures {

    /** The most an auditor's read answers, newest first. */
    static final int LIMIT = 1000;

    private final DataSource dataSource;

    SignatureFailures(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    void record(SignatureFailure failure) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("insert into signature_failure"
                        + " (attempted_at, username, record, meaning, reason) values (?, ?, ?, ?, ?)")) {
            insert.setTimestamp(1, Timestamp.from(failure.attemptedAt()));
            insert.setString(2, failure.user());
            insert.setString(3, failure.record());
            insert.setString(
                    4, failure.meaning() == null ? null : failure.meaning().name());
            insert.setString(5, failure.reason());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("The refused signature could not be recorded", e);
        }
    }

    /** The latest {@value #LIMIT} refused signatures, newest first. */
    public List<SignatureFailure> latest() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select attempted_at, username, record, meaning, reason from signature_failure"
                                + " order by attempted_at desc, id desc limit " + LIMIT);
                ResultSet rows = select.executeQuery()) {
            List<SignatureFailure> failures = new ArrayList<>();
            while (rows.next()) {
                String meaning = rows.getString(4);
                failures.add(new SignatureFailure(
                        rows.getTimestamp(1).toInstant(),
                        rows.getString(2),
                        rows.getString(3),
                        meaning == null ? null : SignatureMeaning.valueOf(meaning),
                        rows.getString(5)));
            }
            return failures;
        } catch (SQLException e) {
            throw new IllegalStateException("The refused signatures could not be read", e);
        }
    }
}
