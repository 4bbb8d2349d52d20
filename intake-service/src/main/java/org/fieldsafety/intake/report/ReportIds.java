package org.fieldsafety.intake.report;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Report ids. With an {@code Idempotency-Key} the id is a name-based UUID of (client, key), so a client
 * that retries gets the same id and triage handles the report once; without one it is random.
 */
public final class ReportIds {

    private ReportIds() {}

    public static String of(String client, String idempotencyKey) {
        if (idempotencyKey == null) {
            return UUID.randomUUID().toString();
        }
        return UUID.nameUUIDFromBytes((client + "\n" + idempotencyKey).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
