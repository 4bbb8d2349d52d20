package org.fieldsafety.triage.imdrf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.fieldsafety.platform.domain.DomainException;
import org.fieldsafety.platform.domain.InvalidInput;
import org.junit.jupiter.api.Test;

class ImdrfReleaseFileTest {

    @Test
    void aCodeAndTermFileGivesTheCodesOfItsRelease() {
        List<ImdrfCode> codes = ImdrfReleaseFile.parse(
                ImdrfAnnex.D,
                "2022",
                "\uFEFFCode,Term,Definition\r\nD01,Cause Traced to Device Design,\"Problems traced to the design, e.g.\"\r\n"
                        + "D1103,\"Cause Traced to Intentional Off-Label, Unapproved, or Contraindicated Use\",x\r\n\r\n");
        assertEquals(
                List.of(
                        new ImdrfCode("D01", "Cause Traced to Device Design", "2022"),
                        new ImdrfCode(
                                "D1103",
                                "Cause Traced to Intentional Off-Label, Unapproved, or Contraindicated Use",
                                "2022")),
                codes);
        assertEquals(ImdrfAnnex.D, codes.get(0).annex());
    }

    @Test
    void imdrfsLevelLayoutTakesTheTermOfTheDeepestFilledLevel() {
        String csv =
                """
                Level 1 Term;Level 2 Term;Level 3 Term;Code;Definition
                Computer Software Problem;;;A11;"Problem associated with written programs; codes"
                ;Application Program Problem;;A1102;x
                ;;"Application Program Problem: Dose Calculation Error";A110202;"quoted ""term"" and
                a line break"
                ;;;;
                """;
        List<ImdrfCode> codes = ImdrfReleaseFile.parse(ImdrfAnnex.A, "2022", csv);
        assertEquals(
                List.of(
                        "Computer Software Problem",
                        "Application Program Problem",
                        "Application Program Problem: Dose Calculation Error"),
                codes.stream().map(ImdrfCode::term).toList());
    }

    @Test
    void everyBadRowIsNamedAndNothingIsLoaded() {
        DomainException rejected = assertThrows(
                DomainException.class,
                () -> ImdrfReleaseFile.parse(
                        ImdrfAnnex.B,
                        "2022",
                        "Code,Term\nB01,Testing\nA0101,Wrong annex\nB01,Again\nB02,\nB3,Short\nB04," + "x".repeat(501)
                                + "\n"));
        assertInstanceOf(InvalidInput.class, rejected);
        assertEquals("invalid-imdrf-file", rejected.code());
        assertTrue(rejected.getMessage().contains("row 3: A0101 is not a code of annex B"), rejected.getMessage());
        assertTrue(
                rejected.getMessage().contains("row 4: B01 is given again with another term"), rejected.getMessage());
        assertTrue(
                rejected.getMessage().contains("row 5: B02 has no term or one longer than 500"), rejected.getMessage());
        assertTrue(rejected.getMessage().contains("row 7: B04 has no term"), rejected.getMessage());
        assertTrue(rejected.getMessage().contains("row 6: B3 is not a code of annex B"), rejected.getMessage());
    }

    @Test
    void aTermListedUnderSeveralParentsIsOneCode() {
        List<ImdrfCode> codes = ImdrfReleaseFile.parse(
                ImdrfAnnex.E, "2022", "Code,Term\nE0901,Acoustic Shock\nE09,Ear and Labyrinth\nE0901,Acoustic Shock\n");
        assertEquals(
                List.of("E0901", "E09"), codes.stream().map(ImdrfCode::code).toList());
    }

    @Test
    void aFileWithoutItsColumnsOrCodesIsRejected() {
        for (String csv : List.of("", "Term,Definition\nx,y\n", "Code,Term\n", "Code,Definition\nB01,x\n")) {
            DomainException rejected =
                    assertThrows(DomainException.class, () -> ImdrfReleaseFile.parse(ImdrfAnnex.B, "2022", csv));
            assertEquals("invalid-imdrf-file", rejected.code(), csv);
        }
    }

    @Test
    void codesBelongToTheAnnexOfTheirLetterAndShape() {
        assertEquals(ImdrfAnnex.G, ImdrfAnnex.ofCode("G0200401"));
        assertEquals(ImdrfAnnex.G, ImdrfAnnex.ofCode("G02004"));
        assertEquals(ImdrfAnnex.E, ImdrfAnnex.ofCode("E010201"));
        assertNull(ImdrfAnnex.ofCode("H01"));
        assertNull(ImdrfAnnex.ofCode("A1"));
        assertNull(ImdrfAnnex.ofCode("a0101"));
        assertNull(ImdrfAnnex.ofCode(null));
        assertEquals(ImdrfAnnex.F, ImdrfAnnex.fromString(" f "));
        assertThrows(IllegalArgumentException.class, () -> ImdrfAnnex.fromString("releases"));
    }
}
