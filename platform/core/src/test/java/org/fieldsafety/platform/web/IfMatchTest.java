package org.fieldsafety.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.fieldsafety.platform.domain.InvalidInput;
import org.junit.jupiter.api.Test;

class IfMatchTest {

    @Test
    void namesTheVersionQuotedOrNotWeakOrNot() {
        assertEquals(7L, IfMatch.version("\"7\""));
        assertEquals(7L, IfMatch.version(" 7 "));
        assertEquals(7L, IfMatch.version("W/\"7\""));
    }

    @Test
    void noHeaderOrAnyVersionNamesNone() {
        assertNull(IfMatch.version(null));
        assertNull(IfMatch.version(" "));
        assertNull(IfMatch.version("*"));
    }

    @Test
    void somethingElseIsInvalid() {
        InvalidInput refused = assertThrows(InvalidInput.class, () -> IfMatch.version("\"latest\""));
        assertEquals("if-match", refused.code());
    }
}
