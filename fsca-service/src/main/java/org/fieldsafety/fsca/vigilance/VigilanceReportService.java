package org.fieldsafety.fsca.vigilance;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.fieldsafety.eventstore.audit.AuditedCommands;
import org.fieldsafety.eventstore.readmodel.Snapshot;
import org.fieldsafety.eventstore.readmodel.ViewFilter;
import org.fieldsafety.eventstore.readmodel.ViewPage;
import org.fieldsafety.fsca.cases.FieldSafetyNotice;
import org.fieldsafety.fsca.cases.FscaCaseCommand.RecordSubmission;
import org.fieldsafety.fsca.cases.FscaCaseCommand.ReopenClock;
import org.fieldsafety.fsca.cases.FscaCaseService;
import org.fieldsafety.fsca.cases.FscaDecision;
import org.fieldsafety.fsca.cases.Incident;
import org.fieldsafety.fsca.cases.ReportingClock;
import org.fieldsafety.fsca.cases.TrendSignal;
import org.fieldsafety.fsca.vigilance.VigilanceReportCommand.AcknowledgeReport;
import org.fieldsafety.fsca.vigilance.VigilanceReportCommand.CompleteDraft;
import org.fieldsafety.fsca.vigilance.VigilanceReportCommand.GenerateDraft;
import org.fieldsafety.fsca.vigilance.VigilanceReportCommand.SubmitReport;
import org.fieldsafety.fsca.vigilance.query.VigilanceReportView;
import org.fieldsafety.fsca.vigilance.render.VigilanceDocuments;
import org.fieldsafety.platform.domain.ConcurrentChange;
import org.fieldsafety.platform.domain.NotFound;
import org.fieldsafety.platform.signature.Signature;
import org.fieldsafety.platform.signature.SignatureRequest;
import org.fieldsafety.platform.signature.SignatureVerifier;

/**
 * What the API and the acknowledgement inbox do with vigilance reports: the reads (reactive), and the
 * steps, sent through the audited command path (blocking: Axon), the reads they rest on awaited on a Vert.x
 * context. A submission and the case's clock it discharges commit together, and so do a rejection and the
 * clock it reopens; a periodic summary report's are the clocks of every incident it lists (MDR Art. 87(9)).
 */
@ApplicationScoped
public class VigilanceReportService {

    /** The reports due next first. */
    private static final Sort BY_DUE = Sort.by("dueAt").and("reportId");

    private final AuditedCommands commands;
    private final FscaCaseService cases;
    private final SignatureVerifier signatures;
    private final Clock clock;
    private final VigilanceDocuments documents;
    private final ShippedImdrfCodes imdrf;
    private final VigilanceReportDocument.Manufacturer manufacturer;

    VigilanceReportService(
            AuditedCommands commands,
            FscaCaseService cases,
            SignatureVerifier signatures,
            Clock clock,
            @ConfigProperty(name = "fieldsafety.manufacturer.name") String name,
            @ConfigProperty(name = "fieldsafety.manufacturer.srn") String srn,
            @ConfigProperty(name = "fieldsafety.manufacturer.country") String country,
            @ConfigProperty(name = "fieldsafety.manufacturer.fda-registration") Optional<String> fdaRegistration,
            @ConfigProperty(name = "fieldsafety.manufacturer.contact") Optional<String> contact,
            @ConfigProperty(name = "fieldsafety.manufacturer.email") Optional<String> email) {
        this.commands = commands;
        this.cases = cases;
        this.signatures = signatures;
        this.clock = clock;
        this.documents = new VigilanceDocuments();
        this.imdrf = ShippedImdrfCodes.load();
        this.manufacturer = new VigilanceReportDocument.Manufacturer(
                name,
                srn,
                fdaRegistration.orElse(null),
                new VigilanceReportDocument.Address(null, null, null, country),
                contact.orElse(null),
                null,
                email.orElse(null));
    }

    /** A report with its document: as submitted once it was, otherwise as it would be submitted today. */
    public record Composed(VigilanceReportView view, VigilanceReportDocument document) {}

    /** The reports, those due first first. */
    @WithSession
    public Uni<List<VigilanceReportView>> list(String caseId, VigilanceReportStatus status) {
        return query(caseId, status, null).list();
    }

    /**
     * Page {@code index} (from 0) of {@code size} of the reports in {@code status} (null for any) on the cases
     * of {@code productId} (null for any product), those due first first, with how many there are: the
     * console's lists, one page at a time along an index (V34); the page and the count from one {@link Snapshot}.
     */
    @WithSession
    public Uni<ViewPage<VigilanceReportView>> page(
            VigilanceReportStatus status, String productId, int index, int size) {
        return Snapshot.read(() -> rows(status, productId, index, size).chain(rows -> {
            if (!rows.isEmpty() && rows.size() < size) {
                // the last page: what came before it and on it is all there is
                return Uni.createFrom().item(new ViewPage<>(rows, (long) index * size + rows.size()));
            }
            return query(null, status, productId).count().map(total -> new ViewPage<>(rows, total));
        }));
    }

    /** As {@link #page}, without how many there are. */
    @WithSession
    public Uni<List<VigilanceReportView>> rows(VigilanceReportStatus status, String productId, int index, int size) {
        return query(null, status, productId).page(Page.of(index, size)).list();
    }

    private static PanacheQuery<VigilanceReportView> query(
            String caseId, VigilanceReportStatus status, String productId) {
        ViewFilter filter = new ViewFilter()
                .with("caseId", caseId)
                .with("status", status)
                .in(
                        "caseId",
                        "select c.caseId from FscaCaseView c where c.productId = :productId",
                        "productId",
                        productId);
        return VigilanceReportView.find(filter.query(), BY_DUE, filter.parameters());
    }

    @WithSession
    public Uni<VigilanceReportView> get(String reportId) {
        return view(reportId);
    }

    /** The report's version: the sequence number of its last event the read model applied. */
    @WithSession
    public Uni<Long> version(String reportId) {
        return view(reportId).map(view -> view.version);
    }

    /** How many reports are in each status, with the sum of their versions, in one read. */
    @WithSession
    public Uni<ReportTally> tally() {
        return Panache.getSession()
                .chain(session -> session.createSelectionQuery(
                                "select r.status, count(r), coalesce(sum(r.version), 0) from VigilanceReportView r"
                                        + " group by r.status",
                                Object[].class)
                        .getResultList())
                .map(rows -> new ReportTally(rows.stream()
                        .map(row -> new ReportTally.Group(
                                (VigilanceReportStatus) row[0], (Long) row[1], ((Number) row[2]).longValue()))
                        .toList()));
    }

    /** The report and its document, from the case's view and regulatory affairs' additions, in one {@link Snapshot}. */
    @WithSession
    public Uni<Composed> compose(String reportId) {
        return Snapshot.read(() -> view(reportId).chain(view -> {
            if (view.details.submission != null) {
                return Uni.createFrom().item(new Composed(view, view.details.submission.document()));
            }
            if (view.kind == VigilanceReportKind.PERIODIC_SUMMARY) {
                return summary(view).map(document -> new Composed(view, document));
            }
            return cases.reportFacts(view.caseId, view.duty().clocked() ? view.incidentReportId : null)
                    .map(facts -> new Composed(view, draft(view, facts)));
        }));
    }

    /** {@link #compose}, from a worker thread. */
    public Composed composed(String reportId) {
        return awaited(() -> compose(reportId));
    }

    /** A read awaited from a worker thread, on a Vert.x context (Hibernate Reactive runs on none other). */
    private static <T> T awaited(Supplier<Uni<T>> read) {
        try {
            return VertxContextSupport.subscribeAndAwait(read);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** The submission file (XML where the authority takes one) as {@link VigilanceDocuments} renders it. */
    public VigilanceDocuments.Rendition xml(VigilanceReportDocument document) {
        return documents.xml(document);
    }

    public VigilanceDocuments.Rendition pdf(VigilanceReportDocument document) {
        return documents.pdf(document);
    }

    /**
     * The file that goes to the authority: the XML where it takes a file, otherwise the PDF of its form
     * (Health Canada's and the TGA's reports).
     */
    public VigilanceDocuments.Rendition submissionFile(VigilanceReportDocument document) {
        return SubmissionFormat.of(
                                document.administrative().regime(),
                                document.administrative().kind())
                        .hasXml()
                ? documents.xml(document)
                : documents.pdf(document);
    }

    /**
     * Regulatory affairs' narrative and codes, each code validated against the shipped IMDRF release.
     * {@code seenVersion}: the report version the completion was written on, as its page showed it (null:
     * any); a report that moved on since refuses it, and nothing is applied.
     */
    public void complete(String reportId, Completion completion, String who, Long seenVersion) {
        VigilanceReportDocument.Investigation investigation = completion.investigation() == null
                ? null
                : new VigilanceReportDocument.Investigation(
                        imdrf.require('B', completion.investigation().investigationTypes()),
                        imdrf.require('C', completion.investigation().findings()),
                        imdrf.require('D', completion.investigation().conclusions()),
                        imdrf.require('G', completion.investigation().components()),
                        completion.investigation().rootCause(),
                        completion.investigation().similarIncidents(),
                        completion.investigation().correctiveActions(),
                        completion.investigation().deviceEvaluated());
        DraftContent content = new DraftContent(
                completion.narrative(),
                imdrf.require('A', completion.deviceProblems()),
                imdrf.require('E', completion.clinicalSigns()),
                imdrf.require('F', completion.healthImpacts()),
                investigation);
        try {
            commands.send(new CompleteDraft(reportId, content, clock.instant()), who, seenVersion);
        } catch (AggregateNotFoundException e) {
            throw new NotFound("vigilance report " + reportId);
        } catch (ConflictingAggregateVersionException e) {
            throw stale(reportId, seenVersion);
        }
    }

    /** What regulatory affairs writes into a draft: codes as IMDRF codes, validated here. */
    public record Completion(
            String narrative,
            List<String> deviceProblems,
            List<String> clinicalSigns,
            List<String> healthImpacts,
            InvestigationCodes investigation) {}

    public record InvestigationCodes(
            List<String> investigationTypes,
            List<String> findings,
            List<String> conclusions,
            List<String> components,
            String rootCause,
            String similarIncidents,
            String correctiveActions,
            boolean deviceEvaluated) {}

    /**
     * Submits the report as it stands, approved by the signed-in user (21 CFR 11.50): the file its authority
     * takes is rendered and validated, its SHA-256 goes into the report's events, and the case's clock is
     * discharged in the same transaction. {@code submittedAt} null: now. {@code seenVersion}: the report version
     * the signer saw (null: the version composed now); the report refuses a submission on any other version
     * than its own, after its rules (a submitted report says so, whichever version its page showed), and the
     * document composed now is of that version (the read model lies between the page and the report).
     */
    public Submitted submit(
            String reportId,
            String reference,
            Instant submittedAt,
            SignatureRequest signing,
            SecurityIdentity identity,
            Long seenVersion) {
        Composed composed = awaited(() -> compose(reportId));
        Signature signature = signatures.sign(identity, signing);
        Instant now = clock.instant();
        Instant at = submittedAt == null ? now : submittedAt;
        VigilanceReportDocument document = dated(composed.document(), at);
        VigilanceDocuments.Rendition file = submissionFile(document);
        String sha256 = sha256(file.content());
        ReportingDuty duty = composed.view().duty();
        List<Object> sent = new ArrayList<>();
        sent.add(new SubmitReport(
                reportId,
                seenVersion == null ? composed.view().version : seenVersion,
                reference,
                at,
                document,
                file.fileName(),
                sha256,
                signature,
                now));
        clocks(composed.view())
                .forEach(c ->
                        sent.add(new RecordSubmission(c.caseId(), c.incidentReportId(), c.regime(), reference, at)));
        send(sent, identity.getPrincipal().getName(), reportId);
        return new Submitted(reportId, reference, at, at.isAfter(duty.dueAt()), file.fileName(), sha256, signature);
    }

    /** What a submission answers. */
    public record Submitted(
            String reportId,
            String reference,
            Instant submittedAt,
            boolean late,
            String fileName,
            String sha256,
            Signature signature) {}

    /**
     * The authority's answer; a rejection reopens the report's clock in the same transaction (a report drafted
     * again then answers it), and a report without a clock (FSCA, TREND) is drafted again at once. The report
     * decides whether the answer is taken, so a rejection that is not (the report not submitted) reopens
     * nothing: the transaction rolls back. {@code seenVersion}: the report version the answer was recorded
     * on, as its page showed it (null: any), checked against the read model.
     */
    public void acknowledge(
            String reportId, boolean accepted, String authorityReference, String reason, String who, Long seenVersion) {
        VigilanceReportView view = awaited(() -> get(reportId));
        if (seenVersion != null && seenVersion != view.version) {
            throw stale(reportId, seenVersion);
        }
        List<Object> sent = new ArrayList<>();
        sent.add(new AcknowledgeReport(reportId, accepted, authorityReference, reason, clock.instant()));
        if (!accepted) {
            clocks(view)
                    .forEach(c -> sent.add(
                            new ReopenClock(c.caseId(), c.incidentReportId(), c.regime(), reason, clock.instant())));
            if (view.kind == VigilanceReportKind.PERIODIC_SUMMARY
                    || !view.duty().clocked()) {
                // no clock of its own proposes it again (a summary's covered clocks, an FSCA or trend report)
                sent.add(new GenerateDraft(reportId, view.duty(), clock.instant()));
            }
        }
        send(sent, who, reportId);
    }

    /** One reporting clock of a case: of incident {@code incidentReportId}, or the case's own for null. */
    private record CaseClock(String caseId, String incidentReportId, String regime) {}

    /**
     * The clocks a report answers: its duty's (none for an FSCA or trend report), or for a periodic summary
     * report the clock of each incident it lists (MDR Art. 87(9)).
     */
    private static List<CaseClock> clocks(VigilanceReportView view) {
        if (view.kind == VigilanceReportKind.PERIODIC_SUMMARY) {
            return view.details.listed.stream()
                    .map(listed -> new CaseClock(listed.caseId(), listed.incidentReportId(), view.regime.name()))
                    .toList();
        }
        return view.duty().clocked()
                ? List.of(new CaseClock(view.caseId, view.incidentReportId, view.regime.name()))
                : List.of();
    }

    /** A periodic summary report's document from its period and the cases' incidents it lists, read in turn. */
    private Uni<VigilanceReportDocument> summary(VigilanceReportView view) {
        return Multi.createFrom()
                .iterable(view.details.listed)
                .onItem()
                .transformToUniAndConcatenate(listed -> cases.reportFacts(listed.caseId(), listed.incidentReportId()))
                .collect()
                .asList()
                .map(facts -> new SummaryDraft(
                                view.duty(),
                                view.reportId,
                                manufacturer,
                                facts.isEmpty() ? null : facts.get(0).product(),
                                view.details.summary,
                                facts.stream()
                                        .map(FscaCaseService.ReportFacts::incident)
                                        .toList())
                        .compose(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)));
    }

    private static ConcurrentChange stale(String reportId, Long seenVersion) {
        return new ConcurrentChange(
                "vigilance report " + reportId + ", at version " + seenVersion + " when this step was prepared,");
    }

    private void send(List<?> batch, String who, String reportId) {
        try {
            commands.sendAll(batch, who);
        } catch (AggregateNotFoundException e) {
            throw new NotFound("vigilance report " + reportId);
        }
    }

    /** The document as of the day it goes: its report date. */
    private static VigilanceReportDocument dated(VigilanceReportDocument document, Instant at) {
        VigilanceReportDocument.Administrative a = document.administrative();
        return new VigilanceReportDocument(
                new VigilanceReportDocument.Administrative(
                        a.reportId(),
                        a.caseId(),
                        a.regime(),
                        a.kind(),
                        a.basis(),
                        a.competentAuthority(),
                        at.atZone(ZoneOffset.UTC).toLocalDate(),
                        a.awareOn(),
                        a.reportableAwareOn(),
                        a.nextReportDue(),
                        a.previousReference(),
                        a.followUpNumber()),
                document.manufacturer(),
                document.device(),
                document.incident(),
                document.investigation(),
                document.fsca(),
                document.trend(),
                document.periodicSummary());
    }

    /**
     * The draft's document from the case's facts: an incident's report its incident and clock, the case's own
     * report (806) its clock, a TREND report its trend episode.
     */
    private VigilanceReportDocument draft(VigilanceReportView view, FscaCaseService.ReportFacts facts) {
        Incident incident = facts.incident();
        TrendSignal trend = view.kind != VigilanceReportKind.TREND
                ? null
                : facts.trendSignals().stream()
                        .filter(signal -> signal.signalId().equals(view.incidentReportId))
                        .findFirst()
                        .orElse(null);
        ReportingClock reportClock = !view.duty().clocked()
                ? null
                : incident == null
                        ? facts.correctionClock()
                        : incident.clock(view.regime.name()).orElse(null);
        Instant reportableAt = reportClock == null || reportClock.decision() == null
                ? null
                : reportClock.decision().signature().signedAt();
        return new DraftDocument(
                        view.duty(),
                        view.reportId,
                        manufacturer,
                        facts.product(),
                        incident,
                        fsca(view.caseId, facts),
                        view.details.content,
                        reportableAt,
                        trend)
                .compose(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
    }

    /**
     * The case's FSCA as the reports link it, null without one; the person responsible for it is who signed
     * the decision that requires it (21 CFR 806.10(c)(2) asks for a person responsible for the action).
     */
    private static VigilanceReportDocument.FscaLink fsca(String caseId, FscaCaseService.ReportFacts facts) {
        if (facts.decision() != FscaDecision.FSCA_REQUIRED) {
            return null;
        }
        FieldSafetyNotice first = facts.firstNotice();
        return new VigilanceReportDocument.FscaLink(
                caseId,
                null,
                facts.action() == null ? null : facts.action().name(),
                facts.rationale(),
                first == null ? null : first.date(),
                first == null ? null : first.reference(),
                first == null ? null : first.date(),
                first == null ? List.of() : first.affectedSoftware(),
                null,
                facts.product() == null ? List.of() : facts.product().markets(),
                facts.decidedBy());
    }

    private static Uni<VigilanceReportView> view(String reportId) {
        return VigilanceReportView.<VigilanceReportView>findById(reportId)
                .onItem()
                .ifNull()
                .failWith(() -> new NotFound("vigilance report " + reportId));
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
