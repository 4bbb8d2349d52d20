package org.fieldsafety.fsca.vigilance.periodic;

import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.fieldsafety.eventstore.FirstEvents;
import org.fieldsafety.fsca.cases.CaseDuties;
import org.fieldsafety.fsca.cases.FscaCaseCommand.CoverByPeriodicSummary;
import org.fieldsafety.fsca.cases.FscaCaseEvent.FscaCaseOpened;
import org.fieldsafety.fsca.cases.Incident;
import org.fieldsafety.fsca.cases.ReportingClock;
import org.fieldsafety.fsca.vigilance.Regime;
import org.fieldsafety.fsca.vigilance.ReportingDuty;
import org.fieldsafety.fsca.vigilance.SummaryPeriod;
import org.fieldsafety.fsca.vigilance.VigilanceReportCommand.ListInPeriodicSummary;
import org.fieldsafety.fsca.vigilance.VigilanceReportKind;
import org.fieldsafety.fsca.vigilance.periodic.query.PeriodicSummaryAgreementView;

/**
 * Which periodic summary report takes an incident attached to a case (MDR Art. 87(9)): the case's product
 * and problem from its opening event (the event store, consistent with the incident's), the live agreements
 * from their view (recorded long before the incidents they cover), and {@link PeriodicSummaryRule} decides.
 * Only the incident's EU MDR clock can be covered.
 */
@ApplicationScoped
public class PeriodicSummaryService {

    /** The regime whose clocks a periodic summary covers. */
    public static final Regime REGIME = Regime.EU_MDR;

    private final PeriodicSummaryAgreementService agreements;
    private final FirstEvents firstEvents;

    PeriodicSummaryService(PeriodicSummaryAgreementService agreements, FirstEvents firstEvents) {
        this.agreements = agreements;
        this.firstEvents = firstEvents;
    }

    /**
     * The commands that list the incident of case {@code caseId} in its period's summary report and make its
     * EU MDR clock due with it, to be sent together; empty when no live agreement covers it. The summary's
     * id follows from the agreement and the period alone, so the first incident drafts it and the same
     * incident seen again names the same report.
     */
    public List<Object> coverage(String caseId, Incident incident, Instant now) {
        Optional<ReportingClock> clock = incident.clock(REGIME.name()).filter(ReportingClock::running);
        if (clock.isEmpty()) {
            return List.of();
        }
        FscaCaseOpened opened = (FscaCaseOpened) firstEvents.of(caseId);
        PeriodicSummaryRule.IncidentFacts facts = new PeriodicSummaryRule.IncidentFacts(
                REGIME.name(),
                opened.productId(),
                opened.problemId(),
                clock.get().basis(),
                incident.patientOutcome(),
                incident.awareAt());
        return agreementsOf(opened.productId(), opened.problemId()).stream()
                .filter(view -> PeriodicSummaryRule.covers(view.terms(), view.endedAt, facts))
                .findFirst()
                .map(view -> commands(view, caseId, incident, now))
                .orElse(List.of());
    }

    private static List<Object> commands(
            PeriodicSummaryAgreementView agreement, String caseId, Incident incident, Instant now) {
        AgreementTerms terms = agreement.terms();
        PeriodicSummaryRule.SummaryPeriod period = PeriodicSummaryRule.periodOf(terms, incident.awareAt());
        String summaryId = UUID.nameUUIDFromBytes(("periodic-summary:" + agreement.agreementId + ":" + period.number())
                        .getBytes(StandardCharsets.UTF_8))
                .toString();
        ReportingDuty duty = new ReportingDuty(
                caseId,
                null,
                REGIME,
                VigilanceReportKind.PERIODIC_SUMMARY,
                CaseDuties.PERIODIC_SUMMARY,
                period.dueAt(),
                0);
        SummaryPeriod summary = new SummaryPeriod(
                agreement.agreementId,
                terms.competentAuthority(),
                terms.authorityReference(),
                period.number() + 1,
                period.start().atZone(ZoneOffset.UTC).toLocalDate(),
                period.end().atZone(ZoneOffset.UTC).toLocalDate().minusDays(1),
                period.dueAt().atZone(ZoneOffset.UTC).toLocalDate(),
                terms.deviceProblems());
        return List.of(
                new ListInPeriodicSummary(
                        summaryId, duty, summary, new SummaryPeriod.Listed(caseId, incident.reportId()), now),
                new CoverByPeriodicSummary(caseId, incident.reportId(), REGIME.name(), summaryId, period.dueAt(), now));
    }

    /** The product's and problem's agreements, awaited on a Vert.x context (Hibernate Reactive runs on none other). */
    private List<PeriodicSummaryAgreementView> agreementsOf(String productId, String problemId) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> agreements.list(productId, problemId));
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
