package org.fieldsafety.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ws.rs.core.Response;
import java.util.Set;
import org.fieldsafety.platform.domain.DomainException;
import org.fieldsafety.platform.domain.NotFound;
import org.fieldsafety.platform.domain.RuleViolation;
import org.fieldsafety.platform.domain.StaleVersion;
import org.fieldsafety.platform.domain.Unavailable;
import org.junit.jupiter.api.Test;

/** The web layer alone turns the domain's refusals into statuses. */
class ProblemMapperTest {

    private final ProblemMapper mapper = new ProblemMapper();

    @Test
    void everyKindOfRefusalHasItsStatus() {
        assertEquals(Set.of(DomainException.class.getPermittedSubclasses()), ProblemMapper.STATUS.keySet());
    }

    @Test
    void aBrokenRuleIsA409ProblemThatNamesTheRuleAndItsClause() {
        Response response = mapper.refused(new RuleViolation(
                "change-not-approved", "IEC 62304 8.2.1", "only an approved change request is implemented"));

        Problem problem = (Problem) response.getEntity();
        assertEquals(409, response.getStatus());
        assertEquals(Problem.MEDIA_TYPE, response.getMediaType().toString());
        assertEquals("https://fieldsafety.org/problems/change-not-approved", problem.type());
        assertEquals("Conflict", problem.title());
        assertEquals("IEC 62304 8.2.1: only an approved change request is implemented", problem.detail());
    }

    @Test
    void theOtherKindsKeepTheirStatuses() {
        assertEquals(404, mapper.refused(new NotFound("FSCA case 1")).getStatus());
        assertEquals(
                412,
                mapper.refused(new StaleVersion("The risk policy", 2, "\"1\"")).getStatus());
        assertEquals(
                503,
                mapper.refused(new Unavailable("kafka-unavailable", "retry later"))
                        .getStatus());
    }
}
