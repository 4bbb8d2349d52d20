package org.fieldsafety.triage.problem;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.fieldsafety.platform.Roles;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Problems of a product (IEC 62304 9.1, 9.6): occurrence counts, first/last seen, versions, countries and
 * the trend state (MDR Art. 88).
 */
@Path("/api/v1/problems")
public class ProblemResource {

    @GET
    @WithSession
    @RolesAllowed({Roles.ADMIN, Roles.REGULATORY_AFFAIRS, Roles.QUALITY_ASSURANCE, Roles.ENGINEERING, Roles.AUDITOR})
    public Uni<List<ProblemView>> list(@RestQuery @NotBlank String productId) {
        return Panache.getSession().chain(session -> values(session, "softwareVersion", productId)
                .chain(versions -> values(session, "country", productId)
                        .chain(countries -> trends(productId).chain(trends -> session.createSelectionQuery(
                                        "select r.problemId, r.softwareItem, r.faultCode, count(r), min(r.awareAt), max(r.awareAt)"
                                                + " from TriageResultEntity r where r.productId = ?1"
                                                + " group by r.problemId, r.softwareItem, r.faultCode order by max(r.awareAt) desc",
                                        Object[].class)
                                .setParameter(1, productId)
                                .getResultList()
                                .map(rows -> rows.stream()
                                        .map(row -> new ProblemView(
                                                (String) row[0],
                                                productId,
                                                (String) row[1],
                                                (String) row[2],
                                                (Long) row[3],
                                                (Instant) row[4],
                                                (Instant) row[5],
                                                versions.getOrDefault((String) row[0], new TreeSet<>()),
                                                countries.getOrDefault((String) row[0], new TreeSet<>()),
                                                ProblemView.Trend.of(trends.get((String) row[0]))))
                                        .toList())))));
    }

    private static Uni<Map<String, ProblemEntity>> trends(String productId) {
        return ProblemEntity.<ProblemEntity>list("productId", productId).map(problems -> problems.stream()
                .collect(Collectors.toMap(problem -> problem.problemId, Function.identity())));
    }

    /** The distinct non-null values of one attribute per problem of the product. */
    private static Uni<Map<String, TreeSet<String>>> values(
            Mutiny.Session session, String attribute, String productId) {
        return session.createSelectionQuery(
                        "select distinct r.problemId, r." + attribute + " from TriageResultEntity r"
                                + " where r.productId = ?1 and r." + attribute + " is not null",
                        Object[].class)
                .setParameter(1, productId)
                .getResultList()
                .map(rows -> rows.stream()
                        .collect(Collectors.groupingBy(
                                row -> (String) row[0],
                                Collectors.mapping(row -> (String) row[1], Collectors.toCollection(TreeSet::new)))));
    }
}
