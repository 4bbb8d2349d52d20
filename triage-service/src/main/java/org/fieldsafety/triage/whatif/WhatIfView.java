package org.fieldsafety.triage.whatif;

import java.util.List;
import org.fieldsafety.contracts.ReportTriaged;
import org.fieldsafety.triage.result.TriageView;

/**
 * What a proposed policy or registry entry would change: of the {@code evaluated} stored reports (those
 * stored with their received report), the decisions that differ, before (current policy and registry)
 * and after (proposed).
 */
public record WhatIfView(
        String productId, int evaluated, int policyVersion, Integer registryVersion, List<Change> changes) {

    /** One report whose decision would change. */
    public record Change(String reportId, Decision before, Decision after) {}

    /** The parts of a triage result that a policy or registry change can move. */
    public record Decision(
            String safetyClass,
            String hazard,
            int severity,
            int probability,
            String riskRegion,
            boolean seriousIncident,
            ReportTriaged.Seriousness seriousness,
            boolean fscaCandidate,
            List<ReportTriaged.Reportability> reportability,
            List<TriageView.NotReportable> notReportable) {

        static Decision of(TriageView view) {
            return new Decision(
                    view.safetyClass(),
                    view.hazard(),
                    view.severity(),
                    view.probability(),
                    view.riskRegion(),
                    view.seriousIncident(),
                    view.seriousness(),
                    view.fscaCandidate(),
                    view.reportability(),
                    view.notReportable());
        }
    }
}
