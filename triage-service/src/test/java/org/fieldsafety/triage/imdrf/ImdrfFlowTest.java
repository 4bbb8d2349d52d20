package org.fieldsafety.triage.imdrf;

import static org.fieldsafety.triage.Flows.staff;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.fieldsafety.infra.InfraTestResource;
import org.fieldsafety.platform.domain.DomainException;
import org.fieldsafety.platform.domain.InvalidInput;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The IMDRF terminology against the real database: the shipped release, look-ups, new releases, validation. */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "triage"))
@Tag("flow")
class ImdrfFlowTest {

    @Inject
    ImdrfTerminology terminology;

    @Test
    void everyStaffRoleLooksCodesUpByCodeOrTermInTheShippedRelease() {
        for (String user : List.of("admin", "ra", "qa", "eng", "auditor")) {
            staff(user, user + "-local")
                    .get("/api/v1/imdrf/a?q=A1102")
                    .then()
                    .statusCode(200)
                    .body("code", hasItem("A110202"))
                    .body(
                            "find { it.code == 'A110202' }.term",
                            equalTo("Application Program Problem: Dose Calculation Error"))
                    .body("find { it.code == 'A110202' }.release", equalTo("2022"));
        }
        staff("ra", "ra-local")
                .get("/api/v1/imdrf/F?q=overdose")
                .then()
                .statusCode(200)
                .body("code", equalTo(List.of("F1005", "F100501")));
        staff("ra", "ra-local")
                .get("/api/v1/imdrf/B?limit=3")
                .then()
                .statusCode(200)
                .body("code", equalTo(List.of("B01", "B02", "B03")));
        staff("ra", "ra-local")
                .get("/api/v1/imdrf/C?q=100%25")
                .then()
                .statusCode(200)
                .body("", hasSize(0));
        staff("ra", "ra-local").get("/api/v1/imdrf/H?q=x").then().statusCode(404);
        staff("ra", "ra-local").get("/api/v1/imdrf/A?limit=0").then().statusCode(400);
        io.restassured.RestAssured.get("/api/v1/imdrf/A").then().statusCode(401);
    }

    @Test
    void theShippedReleaseIsListedWithItsSource() {
        var releases = staff("auditor", "auditor-local")
                .get("/api/v1/imdrf/releases")
                .then()
                .statusCode(200);
        Map.of("A", 478, "B", 24, "C", 151, "D", 41, "E", 700, "F", 66, "G", 295)
                .forEach((annex, terms) -> releases.body(
                        "find { it.annex == '" + annex + "' && it.release == '2022' }.terms", equalTo(terms)));
        releases.body("find { it.annex == 'A' && it.release == '2022' }.loadedBy", equalTo("bundled"))
                .body("find { it.annex == 'A' && it.release == '2022' }.source", containsString("IMDRF"));
    }

    @Test
    void aNewReleaseIsLoadedBesideTheOldOneAndBecomesCurrentForItsAnnex() {
        String csv = "Code,Term\nD01,Cause Traced to Device Design (2099 wording)\nD99,A code only 2099 has\n";
        staff("qa", "qa-local")
                .contentType("text/csv")
                .body(csv)
                .put("/api/v1/imdrf/D/releases/2099?source=test")
                .then()
                .statusCode(403);
        staff("admin", "admin-local")
                .contentType("text/csv")
                .body(csv)
                .put("/api/v1/imdrf/D/releases/2099?source=a test release&published=2099-01-31")
                .then()
                .statusCode(201)
                .body("terms", equalTo(2))
                .body("published", equalTo("2099-01-31"))
                .body("loadedBy", equalTo("admin"));
        staff("admin", "admin-local")
                .contentType("text/csv")
                .body(csv)
                .put("/api/v1/imdrf/D/releases/2099?source=again")
                .then()
                .statusCode(409)
                .body("type", containsString("imdrf-release-loaded"));

        staff("ra", "ra-local")
                .get("/api/v1/imdrf/D?q=D01")
                .then()
                .body("term", equalTo(List.of("Cause Traced to Device Design (2099 wording)")))
                .body("release", equalTo(List.of("2099")));
        staff("ra", "ra-local")
                .get("/api/v1/imdrf/D?q=D01&release=2022")
                .then()
                .body("term", hasItem("Cause Traced to Device Design"));

        assertEquals(
                List.of(
                        new ImdrfCode("D99", "A code only 2099 has", "2099"),
                        new ImdrfCode("A110202", "Application Program Problem: Dose Calculation Error", "2022")),
                known(List.of("D99", " A110202")));
        DomainException refused = assertThrows(DomainException.class, () -> known(List.of("D1501", "A110202", "X1")));
        assertInstanceOf(InvalidInput.class, refused);
        assertEquals("unknown-imdrf-code", refused.code());
        assertEquals("Not in the loaded IMDRF release of their annex: D1501, X1", refused.getMessage());
        assertEquals(List.of(), known(List.of()));
    }

    @Test
    void aFileThatIsNotAnAnnexFileIsRefusedNamingItsRows() {
        staff("admin", "admin-local")
                .contentType("text/csv")
                .body("Code,Term\nG01,Wrong annex\n")
                .put("/api/v1/imdrf/F/releases/2098?source=test")
                .then()
                .statusCode(400)
                .body("detail", containsString("row 2: G01 is not a code of annex F"));
        staff("admin", "admin-local")
                .contentType("text/csv")
                .body("Code,Term\nF01,x\n")
                .put("/api/v1/imdrf/F/releases/2098")
                .then()
                .statusCode(400);
        staff("ra", "ra-local")
                .get("/api/v1/imdrf/F?q=F01&release=2098")
                .then()
                .statusCode(200)
                .body("", hasSize(0));
    }

    private List<ImdrfCode> known(List<String> codes) {
        try {
            return VertxContextSupport.subscribeAndAwait(
                    () -> Panache.withSession(() -> terminology.requireKnown(codes)));
        } catch (DomainException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
