package org.fieldsafety.fsca.console;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.fieldsafety.fsca.vigilance.CodedTerm;
import org.fieldsafety.fsca.vigilance.DraftContent;
import org.fieldsafety.fsca.vigilance.VigilanceReportDocument;
import org.fieldsafety.fsca.vigilance.VigilanceReportStatus;

/** What a vigilance report's forms show and how they read what was typed. */
final class ReportForms {

    private ReportForms() {}

    /** The statuses the report list filters by. */
    static List<String> statuses() {
        return Arrays.stream(VigilanceReportStatus.values()).map(Enum::name).toList();
    }

    /** IMDRF codes as typed: separated by commas, spaces or lines; none when empty. */
    static List<String> codes(String typed) {
        return typed == null
                ? List.of()
                : Arrays.stream(typed.split("[,\\s]+"))
                        .filter(code -> !code.isEmpty())
                        .toList();
    }

    /** The draft's form filled in with what regulatory affairs added so far: its codes as typed. */
    record Draft(
            String narrative,
            String deviceProblems,
            String clinicalSigns,
            String healthImpacts,
            String investigationTypes,
            String findings,
            String conclusions,
            String components,
            String rootCause,
            String similarIncidents,
            String correctiveActions,
            boolean deviceEvaluated) {

        static Draft of(DraftContent content) {
            VigilanceReportDocument.Investigation investigation = content.investigation() == null
                    ? new VigilanceReportDocument.Investigation(
                            List.of(), List.of(), List.of(), List.of(), null, null, null, false)
                    : content.investigation();
            return new Draft(
                    content.narrative(),
                    typed(content.deviceProblems()),
                    typed(content.clinicalSigns()),
                    typed(content.healthImpacts()),
                    typed(investigation.investigationTypes()),
                    typed(investigation.findings()),
                    typed(investigation.conclusions()),
                    typed(investigation.components()),
                    investigation.rootCause(),
                    investigation.similarIncidents(),
                    investigation.correctiveActions(),
                    investigation.deviceEvaluated());
        }

        private static String typed(List<CodedTerm> codes) {
            return codes == null ? "" : codes.stream().map(CodedTerm::code).collect(Collectors.joining(", "));
        }
    }
}
