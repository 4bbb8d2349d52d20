package org.fieldsafety.changecontrol.change;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.fieldsafety.changecontrol.change.ChangeRequestCommand.AnalyseImpact;
import org.fieldsafety.changecontrol.change.ChangeRequestCommand.ApproveChange;
import org.fieldsafety.changecontrol.change.ChangeRequestCommand.CloseChangeRequest;
import org.fieldsafety.changecontrol.change.ChangeRequestCommand.CommunicateChange;
import org.fieldsafety.changecontrol.change.ChangeRequestCommand.ImplementChange;
import org.fieldsafety.changecontrol.change.ChangeRequestCommand.RaiseChangeRequest;
import org.fieldsafety.changecontrol.change.ChangeRequestCommand.ReleaseChange;
import org.fieldsafety.changecontrol.change.ChangeRequestCommand.VerifyChange;
import org.fieldsafety.changecontrol.change.ChangeRequestEvent.ChangeApproved;
import org.fieldsafety.changecontrol.change.ChangeRequestEvent.ChangeCommunicated;
import org.fieldsafety.changecontrol.change.ChangeRequestEvent.ChangeImplemented;
import org.fieldsafety.changecontrol.change.ChangeRequestEvent.ChangeReleased;
import org.fieldsafety.changecontrol.change.ChangeRequestEvent.ChangeRequestClosed;
import org.fieldsafety.changecontrol.change.ChangeRequestEvent.ChangeRequestRaised;
import org.fieldsafety.changecontrol.change.ChangeRequestEvent.ChangeVerified;
import org.fieldsafety.changecontrol.change.ChangeRequestEvent.ImpactAnalysed;
import org.fieldsafety.changecontrol.change.ChangeRequestEvent.ImpactAnalysisReopened;
import org.fieldsafety.platform.domain.InvalidInput;
import org.fieldsafety.platform.domain.RuleViolation;
import org.fieldsafety.platform.signature.SignatureMeaning;

/**
 * A request to change released software (IEC 62304 clauses 6.2, 6.3 and 8.2): raised, impact analysed,
 * approved by the change board, implemented, verified, released, communicated, closed. An implementation
 * that changes a safety class sends it back to impact analysis and approval (8.2.2). Each step is allowed only in its place in that order (21
 * CFR 11.10(f)). Command handlers check the rules and apply events; event-sourcing handlers only set
 * state ({@link ChangeRequestStatus#after}); a command handler answers the status its step led to.
 */
public class ChangeRequest {

    @AggregateIdentifier
    private String changeRequestId;

    private ChangeRequestStatus status;
    private String requestedBy;
    private Instant raisedAt;
    private ImpactAnalysis analysis;
    private String implementedVersion;
    /** Reclassifications the next impact analysis must reflect (IEC 62304 8.2.2). */
    private List<Implementation.Reclassification> pendingReclassifications = List.of();

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
    ChangeRequestStatus handle(RaiseChangeRequest command) {
        if (changeRequestId != null) {
            return status;
        }
        if (isBlank(command.title())
                || isBlank(command.reason())
                || isBlank(command.productId())
                || isBlank(command.requestedBy())
                || command.softwareItems() == null) {
            throw new InvalidInput(
                    "incomplete-change-request",
                    "IEC 62304 6.2.1.3",
                    "a change request names its title, reason, product, software items and requester");
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
        return status;
    }

    /**
     * IEC 62304 6.2.3: the impact is analysed on the raised request, before anyone approves it, and again
     * after a reclassification (8.2.2), when it must give each reclassified item its new class.
     */
    @CommandHandler
    ChangeRequestStatus handle(AnalyseImpact command) {
        if (status != ChangeRequestStatus.RAISED && status != ChangeRequestStatus.IMPACT_ANALYSIS_REQUIRED) {
            throw new RuleViolation(
                    "impact-already-analysed",
                    "IEC 62304 6.2.3",
                    "the impact is analysed once before approval, and again only after a"
                            + " reclassification (8.2.2); this request is " + status);
        }
        for (Implementation.Reclassification change : pendingReclassifications) {
            if (command.analysis().classOf(change.item()) != change.to()) {
                throw new RuleViolation(
                        "reclassification-ignored",
                        "IEC 62304 8.2.2",
                        "the new impact analysis classifies " + change.item() + " as " + change.to());
            }
        }
        apply(new ImpactAnalysed(changeRequestId, command.analysis()));
        return status;
    }

    /**
     * IEC 62304 6.2.4 and 8.2.1: the change board approves an analysed request with a signature meaning
     * approval, and the approver is not the requester.
     */
    @CommandHandler
    ChangeRequestStatus handle(ApproveChange command) {
        if (status != ChangeRequestStatus.IMPACT_ANALYSED) {
            throw new RuleViolation(
                    "approval-out-of-order",
                    "IEC 62304 6.2.3 / 6.2.4",
                    "a change request is approved once, after its impact analysis; this request is " + status);
        }
        if (command.signature().signer().equals(requestedBy)) {
            throw new RuleViolation(
                    "approver-is-requester", "IEC 62304 6.2.4 / 8.2.1", "the approver must not be the requester");
        }
        if (command.signature().meaning() != SignatureMeaning.APPROVAL) {
            throw new InvalidInput(
                    "approval-meaning", "21 CFR 11.50", "an approval is signed with the meaning APPROVAL");
        }
        apply(new ChangeApproved(changeRequestId, command.signature(), AggregateLifecycle.getVersion()));
        return status;
    }

    /** IEC 62304 8.2.1: no change to a configuration item without an approved change request. */
    @CommandHandler
    ChangeRequestStatus handle(ImplementChange command) {
        if (status != ChangeRequestStatus.APPROVED) {
            throw new RuleViolation(
                    "change-not-approved",
                    "IEC 62304 8.2.1",
                    "only an approved change request is implemented; this request is " + status);
        }
        Implementation implementation = command.implementation();
        apply(new ChangeImplemented(changeRequestId, implementation));
        if (implementation.reclassifies()) {
            apply(new ImpactAnalysisReopened(changeRequestId, implementation.reclassifications()));
        }
        return status;
    }

    /**
     * IEC 62304 8.2.3 and 9.8: the implemented change is verified, on the implemented version, with the
     * evidence its safety classes demand ({@link VerificationEvidence}).
     */
    @CommandHandler
    ChangeRequestStatus handle(VerifyChange command) {
        if (status != ChangeRequestStatus.IMPLEMENTED) {
            throw new RuleViolation(
                    "change-not-implemented",
                    "IEC 62304 8.2.3",
                    "a change is verified once, after its implementation; this request is " + status);
        }
        Verification verification = command.verification();
        verification.records().stream()
                .filter(r -> !implementedVersion.equals(r.softwareVersion()))
                .findFirst()
                .ifPresent(r -> {
                    throw new RuleViolation(
                            "verification-of-another-version",
                            "IEC 62304 8.2.3 / 9.8",
                            "the verification records the implemented version " + implementedVersion + ", not "
                                    + r.softwareVersion());
                });
        VerificationEvidence.shortfall(analysis, verification).ifPresent(shortfall -> {
            throw shortfall;
        });
        apply(new ChangeVerified(changeRequestId, verification));
        return status;
    }

    /** IEC 62304 8.2.3 and 6.3: the verified version is released, with its residual anomalies. */
    @CommandHandler
    ChangeRequestStatus handle(ReleaseChange command) {
        if (status != ChangeRequestStatus.VERIFIED) {
            throw new RuleViolation(
                    "release-without-verification",
                    "IEC 62304 8.2.3 / 6.3",
                    "no release without verification records; this request is " + status);
        }
        if (!implementedVersion.equals(command.release().version())) {
            throw new RuleViolation(
                    "release-of-another-version",
                    "IEC 62304 6.3",
                    "the release is the verified version " + implementedVersion);
        }
        apply(new ChangeReleased(changeRequestId, command.release()));
        return status;
    }

    /** IEC 62304 6.2.5: users and regulators are told of the change once it is available. */
    @CommandHandler
    ChangeRequestStatus handle(CommunicateChange command) {
        if (status != ChangeRequestStatus.RELEASED) {
            throw new RuleViolation(
                    "communication-out-of-order",
                    "IEC 62304 6.2.5",
                    "the available change is communicated once, after its release; this request is " + status);
        }
        if (command.communication().sentAt().isBefore(raisedAt)) {
            throw new InvalidInput(
                    "sent-before-change-request",
                    "IEC 62304 6.2.5",
                    "the change is communicated after it was requested, not before " + raisedAt);
        }
        apply(new ChangeCommunicated(changeRequestId, command.communication()));
        return status;
    }

    /** IEC 62304 6.3 and 6.2.5: a change request closes only once released and communicated. */
    @CommandHandler
    ChangeRequestStatus handle(CloseChangeRequest command) {
        if (status != ChangeRequestStatus.COMMUNICATED) {
            throw new RuleViolation(
                    "closure-out-of-order",
                    "IEC 62304 6.3 / 6.2.5",
                    "a change request closes after its release and its communication to"
                            + " users and regulators; this request is " + status);
        }
        apply(new ChangeRequestClosed(changeRequestId, command.closure()));
        return status;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    @EventSourcingHandler
    void on(ChangeRequestRaised event) {
        changeRequestId = event.changeRequestId();
        requestedBy = event.requestedBy();
        raisedAt = event.raisedAt();
        status = ChangeRequestStatus.after(event);
    }

    @EventSourcingHandler
    void on(ImpactAnalysed event) {
        status = ChangeRequestStatus.after(event);
        analysis = event.analysis();
        pendingReclassifications = List.of();
    }

    @EventSourcingHandler
    void on(ChangeApproved event) {
        status = ChangeRequestStatus.after(event);
    }

    @EventSourcingHandler
    void on(ChangeImplemented event) {
        status = ChangeRequestStatus.after(event);
        implementedVersion = event.implementation().softwareVersion();
    }

    @EventSourcingHandler
    void on(ImpactAnalysisReopened event) {
        status = ChangeRequestStatus.after(event);
        pendingReclassifications = event.reclassifications();
    }

    @EventSourcingHandler
    void on(ChangeVerified event) {
        status = ChangeRequestStatus.after(event);
    }

    @EventSourcingHandler
    void on(ChangeReleased event) {
        status = ChangeRequestStatus.after(event);
    }

    @EventSourcingHandler
    void on(ChangeCommunicated event) {
        status = ChangeRequestStatus.after(event);
    }

    @EventSourcingHandler
    void on(ChangeRequestClosed event) {
        status = ChangeRequestStatus.after(event);
    }
}
