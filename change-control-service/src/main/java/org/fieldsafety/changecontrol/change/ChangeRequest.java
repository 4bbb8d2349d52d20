package org.fieldsafety.changecontrol.change;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.fieldsafety.changecontrol.change.ChangeRequestCommand.AnalyseImpact;
import org.fieldsafety.changecontrol.change.ChangeRequestCommand.ApproveChange;
import org.fieldsafety.changecontrol.change.ChangeRequestCommand.ImplementChange;
import org.fieldsafety.changecontrol.change.ChangeRequestCommand.RaiseChangeRequest;
import org.fieldsafety.changecontrol.change.ChangeRequestEvent.ChangeApproved;
import org.fieldsafety.changecontrol.change.ChangeRequestEvent.ChangeImplemented;
import org.fieldsafety.changecontrol.change.ChangeRequestEvent.ChangeRequestRaised;
import org.fieldsafety.changecontrol.change.ChangeRequestEvent.ImpactAnalysed;
import org.fieldsafety.platform.ProblemException;
import org.fieldsafety.platform.signature.SignatureMeaning;

/**
 * A request to change released software (IEC 62304 clauses 6.2 and 8.2): raised, impact analysed,
 * approved by the change board, implemented. Each step is allowed only in its place in that order (21
 * CFR 11.10(f)). Command handlers check the rules and apply events; event-sourcing handlers only set
 * state.
 */
public class ChangeRequest {

    @AggregateIdentifier
    private String changeRequestId;

    private ChangeRequestStatus status;
    private String requestedBy;

    ChangeRequest() {
        // for Axon
    }

    /**
     * Idempotent: raising a change request that exists (a redelivered trigger) changes nothing. An
     * incomplete one is rejected here, before it is stored, so a malformed trigger goes to the dead
     * letters instead of stalling the read model.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RaiseChangeRequest command) {
        if (changeRequestId != null) {
            return;
        }
        if (isBlank(command.title())
                || isBlank(command.reason())
                || isBlank(command.productId())
                || isBlank(command.requestedBy())
                || command.softwareItems() == null) {
            throw ProblemException.invalid(
                    "incomplete-change-request",
                    "IEC 62304 6.2.1.3: a change request names its title, reason, product, software items and"
                            + " requester");
        }
        apply(new ChangeRequestRaised(
                command.changeRequestId(),
                command.title(),
                command.reason(),
                command.productId(),
                command.softwareItems(),
                command.problemReportId(),
                command.problemId(),
                command.fscaCaseId(),
                command.requestedBy(),
                command.raisedAt()));
    }

    /** IEC 62304 6.2.3: the impact is analysed once, on the raised request, before anyone approves it. */
    @CommandHandler
    void handle(AnalyseImpact command) {
        if (status != ChangeRequestStatus.RAISED) {
            throw ProblemException.ruleViolated(
                    "impact-already-analysed",
                    "IEC 62304 6.2.3: the impact is analysed once, before approval; this request is " + status);
        }
        apply(new ImpactAnalysed(changeRequestId, command.analysis()));
    }

    /**
     * IEC 62304 6.2.4 and 8.2.1: the change board approves an analysed request with a signature meaning
     * approval, and the approver is not the requester.
     */
    @CommandHandler
    void handle(ApproveChange command) {
        if (status != ChangeRequestStatus.IMPACT_ANALYSED) {
            throw ProblemException.ruleViolated(
                    "approval-out-of-order",
                    "IEC 62304 6.2.3 / 6.2.4: a change request is approved once, after its impact analysis;"
                            + " this request is " + status);
        }
        if (command.signature().signer().equals(requestedBy)) {
            throw ProblemException.ruleViolated(
                    "approver-is-requester", "IEC 62304 6.2.4 / 8.2.1: the approver must not be the requester");
        }
        if (command.signature().meaning() != SignatureMeaning.APPROVAL) {
            throw ProblemException.invalid(
                    "approval-meaning", "21 CFR 11.50: an approval is signed with the meaning APPROVAL");
        }
        apply(new ChangeApproved(changeRequestId, command.signature(), AggregateLifecycle.getVersion()));
    }

    /** IEC 62304 8.2.1: no change to a configuration item without an approved change request. */
    @CommandHandler
    void handle(ImplementChange command) {
        if (status != ChangeRequestStatus.APPROVED) {
            throw ProblemException.ruleViolated(
                    "change-not-approved",
                    "IEC 62304 8.2.1: only an approved change request is implemented; this request is " + status);
        }
        apply(new ChangeImplemented(changeRequestId, command.implementation()));
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    @EventSourcingHandler
    void on(ChangeRequestRaised event) {
        changeRequestId = event.changeRequestId();
        requestedBy = event.requestedBy();
        status = ChangeRequestStatus.RAISED;
    }

    @EventSourcingHandler
    void on(ImpactAnalysed event) {
        status = ChangeRequestStatus.IMPACT_ANALYSED;
    }

    @EventSourcingHandler
    void on(ChangeApproved event) {
        status = ChangeRequestStatus.APPROVED;
    }

    @EventSourcingHandler
    void on(ChangeImplemented event) {
        status = ChangeRequestStatus.IMPLEMENTED;
    }
}
