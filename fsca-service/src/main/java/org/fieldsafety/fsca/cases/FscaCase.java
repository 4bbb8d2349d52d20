package org.fieldsafety.fsca.cases;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.fieldsafety.fsca.cases.FscaCaseCommand.DecideFsca;
import org.fieldsafety.fsca.cases.FscaCaseCommand.RecordIncident;
import org.fieldsafety.fsca.cases.FscaCaseEvent.FscaCaseOpened;
import org.fieldsafety.fsca.cases.FscaCaseEvent.FscaDecided;
import org.fieldsafety.fsca.cases.FscaCaseEvent.IncidentAttached;
import org.fieldsafety.platform.ProblemException;

/**
 * One case per problem that may need a field safety corrective action (MDR Art. 89): its incidents with
 * their reporting clocks, and the signed decision. Command handlers check the rules and apply events;
 * event-sourcing handlers only set state.
 */
public class FscaCase {

    @AggregateIdentifier
    private String caseId;

    private String problemId;
    private String productId;
    private CaseStatus status;
    private final Set<String> reportIds = new HashSet<>();
    private final Set<String> softwareItems = new LinkedHashSet<>();

    FscaCase() {
        // for Axon
    }

    /** Idempotent: a report already attached (a redelivered triage event) changes nothing. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordIncident command) {
        if (caseId == null) {
            apply(new FscaCaseOpened(command.caseId(), command.problemId(), command.productId(), command.recordedAt()));
        }
        if (!reportIds.contains(command.incident().reportId())) {
            apply(new IncidentAttached(command.caseId(), command.incident()));
        }
    }

    @CommandHandler
    void handle(DecideFsca command) {
        if (status != CaseStatus.OPEN) {
            throw ProblemException.ruleViolated(
                    "case-already-decided",
                    "MDR Art. 89: the case is already decided; a new decision needs a new case");
        }
        if (command.decision() == FscaDecision.FSCA_REQUIRED && command.action() == null) {
            throw ProblemException.invalid("action-required", "An FSCA_REQUIRED decision names the action to take");
        }
        apply(new FscaDecided(
                caseId,
                problemId,
                productId,
                List.copyOf(softwareItems),
                command.decision(),
                command.decision() == FscaDecision.FSCA_REQUIRED ? command.action() : null,
                command.rationale(),
                command.signature(),
                AggregateLifecycle.getVersion()));
    }

    @EventSourcingHandler
    void on(FscaCaseOpened event) {
        caseId = event.caseId();
        problemId = event.problemId();
        productId = event.productId();
        status = CaseStatus.OPEN;
    }

    @EventSourcingHandler
    void on(IncidentAttached event) {
        reportIds.add(event.incident().reportId());
        if (event.incident().softwareItem() != null) {
            softwareItems.add(event.incident().softwareItem());
        }
    }

    @EventSourcingHandler
    void on(FscaDecided event) {
        status = CaseStatus.DECIDED;
    }
}
