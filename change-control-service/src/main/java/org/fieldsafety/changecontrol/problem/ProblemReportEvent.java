package org.fieldsafety.changecontrol.problem;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * What happened to a {@link ProblemReport}: its history is the record IEC 62304 9.5 asks to keep. Class
 * names are a stored contract: rename only with an upcaster.
 */
public sealed interface ProblemReportEvent {

    String problemReportId();

    @Revision("1")
    record ProblemReportOpened(
            String problemReportId,
            String problemId,
            String productId,
            String softwareItem,
            String softwareVersion,
            String faultCode,
            String description,
            Criticality criticality,
            String openedBy,
            Instant openedAt)
            implements ProblemReportEvent {}

    @Revision("1")
    record ProblemInvestigated(String problemReportId, Investigation investigation) implements ProblemReportEvent {}

    @Revision("1")
    record ChangeRequestsLinked(
            String problemReportId, List<String> changeRequestIds, String linkedBy, Instant linkedAt)
            implements ProblemReportEvent {}

    @Revision("1")
    record NoActionDecided(String problemReportId, String rationale, String decidedBy, Instant decidedAt)
            implements ProblemReportEvent {}

    @Revision("1")
    record PartiesAdvised(String problemReportId, List<AdvisedParty> parties, String recordedBy)
            implements ProblemReportEvent {}

    /**
     * Revision 2 adds {@code noRecurrence}, the field facts checked (IEC 62304 9.7); null when no fix was
     * released (a no-action decision) and in revision 1, whose stated {@code noRecurrenceSince} is dropped.
     */
    @Revision("2")
    record ResolutionVerified(String problemReportId, ResolutionVerification verification, NoRecurrence noRecurrence)
            implements ProblemReportEvent {}

    /** Revision 2 adds {@code noRecurrence}, the field facts checked again at closure (IEC 62304 9.7). */
    @Revision("2")
    record ProblemReportClosed(String problemReportId, String closedBy, Instant closedAt, NoRecurrence noRecurrence)
            implements ProblemReportEvent {}

    /**
     * The problem recurred after its resolution was verified or the report closed: the report of
     * {@code reportId} reopens it for investigation.
     */
    @Revision("1")
    record ProblemReportReopened(String problemReportId, String reportId, Instant reopenedAt)
            implements ProblemReportEvent {}
}
