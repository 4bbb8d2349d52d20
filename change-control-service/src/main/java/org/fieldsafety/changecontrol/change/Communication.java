package org.fieldsafety.changecontrol.change;

import java.time.Instant;
import java.util.List;

/**
 * What was told to users and regulators about the change (IEC 62304 6.2.5): the problem, the risk of
 * continued unchanged use, the available change and how to install it, to whom, and when.
 */
public record Communication(
        String problem,
        String riskOfContinuedUse,
        String availableChange,
        String installation,
        List<Recipient> recipients,
        Instant sentAt,
        String recordedBy) {

    public enum RecipientKind {
        USERS,
        REGULATOR
    }

    public record Recipient(RecipientKind kind, String name) {}
}
