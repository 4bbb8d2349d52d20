package org.fieldsafety.fsca.console.changecontrol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import org.fieldsafety.fsca.console.changecontrol.ChangeControlProblems.Problem;
import org.fieldsafety.platform.domain.DomainException;
import org.fieldsafety.platform.domain.InvalidInput;
import org.fieldsafety.platform.domain.NotFound;
import org.fieldsafety.platform.domain.NotPermitted;
import org.fieldsafety.platform.domain.RuleViolation;
import org.fieldsafety.platform.domain.Unavailable;
import org.junit.jupiter.api.Test;

class ChangeControlProblemsTest {

    private static final String TYPE = "https://fieldsafety.org/problems/";

    @Test
    void aRefusedStepComesBackWithTheRuleAndItsClauseAsChangeControlWroteThem() {
        DomainException refusal = ChangeControlProblems.refusal(
                409,
                new Problem(
                        TYPE + "approver-is-requester",
                        "IEC 62304 8.2.1: the requester may not approve their own change",
                        null));

        assertInstanceOf(RuleViolation.class, refusal);
        assertEquals("approver-is-requester", refusal.code());
        assertEquals("IEC 62304 8.2.1: the requester may not approve their own change", refusal.getMessage());
    }

    @Test
    void anIncompleteBodyNamesEachFieldChangeControlMissed() {
        DomainException refusal = ChangeControlProblems.refusal(
                400,
                new Problem(
                        TYPE + "validation",
                        "The request is invalid: see errors",
                        List.of(
                                new Problem.FieldError("cause", "must not be blank"),
                                new Problem.FieldError("outcome", "must not be blank"))));

        assertInstanceOf(InvalidInput.class, refusal);
        assertEquals(
                "Please complete the form: cause must not be blank, outcome must not be blank", refusal.getMessage());
    }

    @Test
    void aRoleOrSignatureRefusedAnUnknownRecordAndAnythingElseAreTheirOwnKinds() {
        assertInstanceOf(
                NotPermitted.class,
                ChangeControlProblems.refusal(403, new Problem(TYPE + "signature-rejected", "wrong password", null)));
        assertInstanceOf(NotPermitted.class, ChangeControlProblems.refusal(401, null));
        assertInstanceOf(NotFound.class, ChangeControlProblems.refusal(404, null));
        DomainException down = ChangeControlProblems.refusal(502, null);
        assertInstanceOf(Unavailable.class, down);
        assertEquals("Change control could not take the request now (502); try again later.", down.getMessage());
        assertEquals(
                "change-control-412", ChangeControlProblems.refusal(412, null).code());
    }
}
