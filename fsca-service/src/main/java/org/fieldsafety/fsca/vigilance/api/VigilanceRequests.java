package org.fieldsafety.fsca.vigilance.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.fieldsafety.fsca.vigilance.VigilanceReportService;
import org.fieldsafety.platform.signature.SignatureRequest;

/** The request bodies of the vigilance reports' steps. */
public final class VigilanceRequests {

    private VigilanceRequests() {}

    /**
     * The draft's completion: IMDRF codes by annex (A device problems, E clinical signs, F health impacts;
     * the investigation's B types, C findings, D conclusions, G components).
     */
    public record DraftRequest(
            @Size(max = 20000) String narrative,
            List<@NotBlank String> deviceProblems,
            List<@NotBlank String> clinicalSigns,
            List<@NotBlank String> healthImpacts,
            @Valid InvestigationRequest investigation) {

        public VigilanceReportService.Completion completion() {
            return new VigilanceReportService.Completion(
                    narrative,
                    orEmpty(deviceProblems),
                    orEmpty(clinicalSigns),
                    orEmpty(healthImpacts),
                    investigation == null
                            ? null
                            : new VigilanceReportService.InvestigationCodes(
                                    orEmpty(investigation.investigationTypes()),
                                    orEmpty(investigation.findings()),
                                    orEmpty(investigation.conclusions()),
                                    orEmpty(investigation.components()),
                                    investigation.rootCause(),
                                    investigation.similarIncidents(),
                                    investigation.correctiveActions(),
                                    investigation.deviceEvaluated()));
        }
    }

    public record InvestigationRequest(
            List<@NotBlank String> investigationTypes,
            List<@NotBlank String> findings,
            List<@NotBlank String> conclusions,
            List<@NotBlank String> components,
            @Size(max = 20000) String rootCause,
            @Size(max = 20000) String similarIncidents,
            @Size(max = 20000) String correctiveActions,
            boolean deviceEvaluated) {}

    /** {@code submittedAt} null: now. */
    public record SubmissionRequest(
            @NotBlank @Size(max = 255) String reference,
            Instant submittedAt,
            @NotNull @Valid SignatureRequest signature) {}

    /** {@code authorityReference} when accepted, {@code reason} when rejected. */
    public record AcknowledgementRequest(
            @NotNull Boolean accepted, @Size(max = 255) String authorityReference, @Size(max = 2000) String reason) {}

    private static List<String> orEmpty(List<String> codes) {
        return codes == null ? List.of() : codes;
    }
}
