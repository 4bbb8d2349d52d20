package org.fieldsafety.fsca.vigilance.periodic;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.fieldsafety.eventstore.audit.AuditedCommands;
import org.fieldsafety.eventstore.readmodel.ViewFilter;
import org.fieldsafety.fsca.vigilance.Regime;
import org.fieldsafety.fsca.vigilance.ShippedImdrfCodes;
import org.fieldsafety.fsca.vigilance.periodic.AgreementCommand.EndAgreement;
import org.fieldsafety.fsca.vigilance.periodic.AgreementCommand.RecordAgreement;
import org.fieldsafety.fsca.vigilance.periodic.query.PeriodicSummaryAgreementView;
import org.fieldsafety.platform.domain.NotFound;
import org.fieldsafety.platform.signature.Signature;
import org.fieldsafety.platform.signature.SignatureRequest;
import org.fieldsafety.platform.signature.SignatureVerifier;

/**
 * What the API does with periodic summary reporting agreements: the reads (reactive) and the steps, signed by
 * the signed-in user and sent through the audited command path (blocking: Axon).
 */
@ApplicationScoped
public class PeriodicSummaryAgreementService {

    private static final Sort BY_AGREEMENT = Sort.by("agreedAt").and("agreementId");

    private final AuditedCommands commands;
    private final SignatureVerifier signatures;
    private final Clock clock;
    private final ShippedImdrfCodes imdrf;

    PeriodicSummaryAgreementService(AuditedCommands commands, SignatureVerifier signatures, Clock clock) {
        this.commands = commands;
        this.signatures = signatures;
        this.clock = clock;
        this.imdrf = ShippedImdrfCodes.load();
    }

    /** The agreements in the order they were reached; {@code productId} and {@code problemId} filter. */
    @WithSession
    public Uni<List<PeriodicSummaryAgreementView>> list(String productId, String problemId) {
        ViewFilter filter = new ViewFilter().with("productId", productId).with("problemId", problemId);
        return PeriodicSummaryAgreementView.<PeriodicSummaryAgreementView>find(
                        filter.query(), BY_AGREEMENT, filter.parameters())
                .list();
    }

    @WithSession
    public Uni<PeriodicSummaryAgreementView> get(String agreementId) {
        return PeriodicSummaryAgreementView.<PeriodicSummaryAgreementView>findById(agreementId)
                .onItem()
                .ifNull()
                .failWith(() -> new NotFound("periodic summary reporting agreement " + agreementId));
    }

    /** What regulatory affairs records of an agreement; the device problem codes are IMDRF Annex A codes. */
    public record Terms(
            Regime regime,
            String productId,
            String problemId,
            List<String> deviceProblems,
            String frequency,
            LocalDate firstPeriodStart,
            String competentAuthority,
            String authorityReference,
            Instant agreedAt) {}

    /** Records the agreement, approved by the signed-in user; answers its id and the signature. */
    public Recorded record(Terms terms, SignatureRequest signing, SecurityIdentity identity) {
        AgreementTerms agreed = new AgreementTerms(
                terms.regime(),
                terms.productId(),
                terms.problemId(),
                imdrf.require('A', terms.deviceProblems()),
                terms.frequency(),
                terms.firstPeriodStart(),
                terms.competentAuthority(),
                terms.authorityReference(),
                terms.agreedAt());
        Signature signature = signatures.sign(identity, signing);
        String agreementId = UUID.randomUUID().toString();
        commands.send(
                new RecordAgreement(agreementId, agreed, signature, clock.instant()),
                identity.getPrincipal().getName());
        return new Recorded(agreementId, signature);
    }

    public record Recorded(String agreementId, Signature signature) {}

    /** Ends the agreement at {@code endedAt} (null: now), approved by the signed-in user; answers the signature. */
    public Signature end(
            String agreementId, Instant endedAt, String reason, SignatureRequest signing, SecurityIdentity identity) {
        Signature signature = signatures.sign(identity, signing);
        Instant now = clock.instant();
        try {
            commands.send(
                    new EndAgreement(agreementId, endedAt == null ? now : endedAt, reason, signature, now),
                    identity.getPrincipal().getName());
        } catch (AggregateNotFoundException e) {
            throw new NotFound("periodic summary reporting agreement " + agreementId);
        }
        return signature;
    }
}
