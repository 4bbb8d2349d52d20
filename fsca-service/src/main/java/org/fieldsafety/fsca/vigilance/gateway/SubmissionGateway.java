package org.fieldsafety.fsca.vigilance.gateway;

import java.util.List;

/**
 * The port to the authorities' gateways (the FDA's Electronic Submissions Gateway, EUDAMED's
 * machine-to-machine exchange): submission files go out, the authorities' acknowledgements come back. One
 * adapter, {@link DirectoryGateway}, exchanges files through directories; a real gateway is one more adapter.
 */
public interface SubmissionGateway {

    /** Sends a submitted report's file; sending the same file again (a replayed event) sends nothing new. */
    void send(OutgoingFile file);

    /** The acknowledgements that arrived and were not yet settled, oldest first. */
    List<Answer> answers();

    /** The acknowledgement was applied ({@code failure} null), or could not be, for {@code failure}. */
    void settle(Answer answer, String failure);

    /**
     * A submission's file: the report, its kind and its submission (the report's version then, so each
     * submission of a report is its own file), and its content.
     */
    record OutgoingFile(String reportId, String kind, long submission, String extension, byte[] content) {

        /** {@code <report id>-<kind>-<submission>.<extension>}. */
        public String name() {
            return reportId + "-" + kind + "-" + submission + "." + extension;
        }
    }

    /**
     * An authority's answer to a report: accepted with its reference, or rejected with the reason; {@code
     * source} names where it came from (a file, a message id).
     */
    record Answer(String source, String reportId, boolean accepted, String authorityReference, String reason) {}
}
