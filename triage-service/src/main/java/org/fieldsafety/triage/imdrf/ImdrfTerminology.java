package org.fieldsafety.triage.imdrf;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.fieldsafety.platform.domain.InvalidInput;

/**
 * The IMDRF terminology, versioned: every annex of every loaded release is kept, keyed by its release
 * number, and a new release is added beside the old ones, so a code keeps the term of the release it was
 * coded with. The current release of an annex is the newest loaded one (IMDRF numbers releases by year).
 * Looks codes up, validates codes other slices record, and loads annex files. Callers provide the
 * Hibernate Reactive session (a transaction for {@link #load}).
 */
@ApplicationScoped
public class ImdrfTerminology {

    /** The most codes one look-up answers. */
    public static final int MAX_RESULTS = 500;

    private static final String CURRENT = "(select max(r.release) from imdrf_annex_release r where r.annex = t.annex)";
    private static final int ROWS_PER_INSERT = 1000;

    private final Clock clock;

    ImdrfTerminology(Clock clock) {
        this.clock = clock;
    }

    /**
     * The codes of {@code annex} that start with {@code q} or whose term contains it (any case), in code
     * order, at most {@code limit}; every code when {@code q} is blank. {@code release} null: the current.
     */
    public Uni<List<ImdrfCode>> lookup(ImdrfAnnex annex, String q, String release, int limit) {
        String text = q == null ? "" : q.strip().toLowerCase(Locale.ROOT);
        String pattern = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return Panache.getSession()
                .chain(session -> {
                    var query = session.createNativeQuery(
                                    "select t.code, t.term, t.release from imdrf_term t where t.annex = ?1"
                                            + " and (lower(t.code) like ?2 or lower(t.term) like ?3) and t.release = "
                                            + (release == null ? CURRENT : "?5") + " order by t.code limit ?4",
                                    Object[].class)
                            .setParameter(1, annex.name())
                            .setParameter(2, pattern + "%")
                            .setParameter(3, "%" + pattern + "%")
                            .setParameter(4, Math.min(limit, MAX_RESULTS));
                    return (release == null ? query : query.setParameter(5, release)).getResultList();
                })
                .map(ImdrfTerminology::codes);
    }

    /**
     * The codes as the current release of their annex defines them, in the order given; a code that is
     * not in it (or not shaped like an IMDRF code) is refused with 400 {@code unknown-imdrf-code} naming
     * every such code. The validator for every slice that records IMDRF codes.
     */
    public Uni<List<ImdrfCode>> requireKnown(Collection<String> codes) {
        List<String> asked = codes.stream().map(String::strip).distinct().toList();
        if (asked.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "select t.code, t.term, t.release from imdrf_term t where t.code in ?1 and t.release = "
                                        + CURRENT,
                                Object[].class)
                        .setParameter(1, asked)
                        .getResultList())
                .map(rows -> {
                    List<ImdrfCode> known = codes(rows);
                    Set<String> unknown = new TreeSet<>(asked);
                    known.forEach(code -> unknown.remove(code.code()));
                    if (!unknown.isEmpty()) {
                        throw new InvalidInput(
                                "unknown-imdrf-code",
                                "Not in the loaded IMDRF release of their annex: " + String.join(", ", unknown));
                    }
                    return asked.stream()
                            .map(code -> known.stream()
                                    .filter(k -> k.code().equals(code))
                                    .findFirst()
                                    .orElseThrow())
                            .toList();
                });
    }

    /** Every loaded annex of every release, the newest release first. */
    public Uni<List<ImdrfAnnexRelease>> releases() {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "select annex, release, published, source, terms, loaded_at, loaded_by"
                                        + " from imdrf_annex_release order by release desc, annex",
                                Object[].class)
                        .getResultList())
                .map(rows -> rows.stream()
                        .map(row -> new ImdrfAnnexRelease(
                                ImdrfAnnex.valueOf((String) row[0]),
                                (String) row[1],
                                row[2] == null ? null : localDate(row[2]),
                                (String) row[3],
                                ((Number) row[4]).intValue(),
                                instant(row[5]),
                                (String) row[6]))
                        .toList());
    }

    /**
     * Loads one annex of a release, once: answers null, changing nothing, when that annex of that release
     * is already loaded (also when a concurrent load took it first), else what was loaded.
     */
    public Uni<ImdrfAnnexRelease> load(
            ImdrfAnnex annex, String release, LocalDate published, String source, List<ImdrfCode> codes, String by) {
        Instant now = clock.instant();
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "insert into imdrf_annex_release (annex, release, published, source, terms, loaded_at,"
                                        + " loaded_by) values (?1, ?2, ?3, ?4, ?5, ?6, ?7) on conflict do nothing")
                        .setParameter(1, annex.name())
                        .setParameter(2, release)
                        .setParameter(3, published)
                        .setParameter(4, source)
                        .setParameter(5, codes.size())
                        .setParameter(6, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                        .setParameter(7, by)
                        .executeUpdate())
                .chain(inserted -> inserted == 0
                        ? Uni.createFrom().nullItem()
                        : insertTerms(annex, release, codes)
                                .replaceWith(new ImdrfAnnexRelease(
                                        annex, release, published, source, codes.size(), now, by)));
    }

    private Uni<Void> insertTerms(ImdrfAnnex annex, String release, List<ImdrfCode> codes) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (int from = 0; from < codes.size(); from += ROWS_PER_INSERT) {
            List<ImdrfCode> chunk = codes.subList(from, Math.min(codes.size(), from + ROWS_PER_INSERT));
            chain = chain.chain(() -> insertChunk(annex, release, chunk));
        }
        return chain;
    }

    private Uni<Void> insertChunk(ImdrfAnnex annex, String release, List<ImdrfCode> chunk) {
        List<Object> parameters = new ArrayList<>();
        String values = chunk.stream()
                .map(code -> {
                    int at = parameters.size();
                    parameters.addAll(List.of(release, code.code(), annex.name(), code.term()));
                    return "(?" + (at + 1) + ", ?" + (at + 2) + ", ?" + (at + 3) + ", ?" + (at + 4) + ")";
                })
                .collect(Collectors.joining(", "));
        return Panache.getSession().chain(session -> {
            var insert =
                    session.createNativeQuery("insert into imdrf_term (release, code, annex, term) values " + values);
            for (int i = 0; i < parameters.size(); i++) {
                insert.setParameter(i + 1, parameters.get(i));
            }
            return insert.executeUpdate().replaceWithVoid();
        });
    }

    private static List<ImdrfCode> codes(List<Object[]> rows) {
        return rows.stream()
                .map(row -> new ImdrfCode((String) row[0], (String) row[1], (String) row[2]))
                .toList();
    }

    private static LocalDate localDate(Object value) {
        return value instanceof Date date ? date.toLocalDate() : (LocalDate) value;
    }

    private static Instant instant(Object value) {
        return value instanceof OffsetDateTime time ? time.toInstant() : (Instant) value;
    }
}
