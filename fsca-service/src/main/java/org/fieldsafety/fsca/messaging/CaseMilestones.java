package org.fieldsafety.fsca.messaging;

import java.time.Instant;
import java.util.List;

/**
 * The case milestones on {@code fieldsafety.fsca.v1} besides {@code FscaDecisionTaken}, keyed by case.
 * Local to this service until they move to {@code contracts}; each {@code TYPE} is its CloudEvent type.
 */
public final class CaseMilestones {

    private CaseMilestones() {}

    public record FscaCaseOpened(String caseId, String problemId, String productId, Instant openedAt) {
        public static final String TYPE = "org.fieldsafety.FscaCaseOpened.v1";
    }

    /** MDR Art. 87(1)(b): the competent authority was notified of the FSCA. */
    public record AuthorityNotified(
            String caseId,
            String problemId,
            String productId,
            String competentAuthority,
            String reference,
            Instant notifiedAt) {
        public static final String TYPE = "org.fieldsafety.AuthorityNotified.v1";
    }

    /** MDR Art. 89(8): the Field Safety Notice went out. */
    public record FieldSafetyNoticeIssued(
            String caseId,
            String problemId,
            String productId,
            String reference,
            List<String> affectedSoftware,
            int recipients,
            Instant issuedAt) {
        public static final String TYPE = "org.fieldsafety.FieldSafetyNoticeIssued.v1";
    }

    public record FscaCaseClosed(String caseId, String problemId, String productId, String closedBy, Instant closedAt) {
        public static final String TYPE = "org.fieldsafety.FscaCaseClosed.v1";
    }
}
