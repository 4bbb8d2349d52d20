package org.fieldsafety.fsca.console.changecontrol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.fieldsafety.fsca.console.changecontrol.ChangeControlSteps.ImpactAnalysis;
import org.fieldsafety.fsca.console.changecontrol.ChangeControlSteps.Party;
import org.fieldsafety.fsca.console.changecontrol.ChangeControlSteps.Recipient;
import org.fieldsafety.fsca.console.changecontrol.ChangeControlSteps.Reclassification;
import org.fieldsafety.fsca.console.changecontrol.ChangeControlSteps.VerificationRecord;
import org.fieldsafety.platform.domain.InvalidInput;
import org.junit.jupiter.api.Test;

class ChangeControlStepsTest {

    @Test
    void affectedItemsCarryTheClassTheyNameAndItemsWithoutOneAreLeftToChangeControlsClassC() {
        ImpactAnalysis analysis = ChangeControlSteps.impactAnalysis(
                "summary", "dose-calculator c\n\n  alarm manager B \nui", "dose tests\nalarm tests");

        assertEquals(List.of("dose-calculator", "alarm manager", "ui"), analysis.affectedItems());
        assertEquals(Map.of("dose-calculator", "C", "alarm manager", "B"), analysis.safetyClasses());
        assertEquals(List.of("dose tests", "alarm tests"), analysis.testsToRepeat());
        assertEquals("summary", analysis.summary());
    }

    @Test
    void aReclassificationIsTheItemAndItsClassesBeforeAndAfter() {
        assertEquals(
                List.of(new Reclassification("dose-calculator", "B", "C")),
                ChangeControlSteps.reclassifications("dose-calculator b C\n"));
        assertEquals(List.of(), ChangeControlSteps.reclassifications(null));
        InvalidInput refused =
                assertThrows(InvalidInput.class, () -> ChangeControlSteps.reclassifications("dose-calculator to C"));
        assertEquals(
                "a reclassification is the item, its class before and after: \"dose-calculator to C\"",
                refused.getMessage());
        assertThrows(InvalidInput.class, () -> ChangeControlSteps.reclassifications("dose-calculator B D"));
    }

    @Test
    void eachItemWithResultsIsOneRecordOnTheImplementedVersionAndAnItemLeftEmptyHasNone() {
        List<VerificationRecord> records = ChangeControlSteps.verificationRecords(
                List.of("dose-calculator", "ui", "alarm"),
                List.of("all 42 passed", " ", "3 passed"),
                List.of("none expected\nrounding note", "", ""),
                "2.4.1",
                List.of("pump rig A", "", "rig B"),
                List.of("JUnit 5\nrig", "", ""),
                List.of("2026-05-04", "", ""),
                List.of("Tess Tester", "", "Al"));

        assertEquals(2, records.size());
        assertEquals(
                new VerificationRecord(
                        "dose-calculator",
                        "all 42 passed",
                        List.of("none expected", "rounding note"),
                        "2.4.1",
                        "pump rig A",
                        List.of("JUnit 5", "rig"),
                        LocalDate.parse("2026-05-04"),
                        "Tess Tester"),
                records.get(0));
        assertEquals("alarm", records.get(1).softwareItem());
        assertNull(records.get(1).date());
    }

    @Test
    void missingFieldsOfARecordAreLeftForChangeControlToJudge() {
        List<VerificationRecord> records = ChangeControlSteps.verificationRecords(
                List.of("dose-calculator"), List.of("passed"), null, "2.4.1", null, null, null, null);

        assertEquals(
                List.of(new VerificationRecord(
                        "dose-calculator", "passed", List.of(), "2.4.1", null, List.of(), null, null)),
                records);
    }

    @Test
    void aDateThatIsNoDateIsRefusedWithTheFieldsName() {
        InvalidInput refused = assertThrows(InvalidInput.class, () -> ChangeControlSteps.date("date", "4 May"));
        assertEquals("date is not a date such as 2026-05-01", refused.getMessage());
        assertEquals(LocalDate.parse("2026-05-01"), ChangeControlSteps.date("date", " 2026-05-01 "));
        assertNull(ChangeControlSteps.date("date", " "));
    }

    @Test
    void recipientsAreUsersAndRegulatorsOneALine() {
        assertEquals(
                List.of(
                        new Recipient("USERS", "St. Mary's"),
                        new Recipient("USERS", "City clinic"),
                        new Recipient("REGULATOR", "BfArM")),
                ChangeControlSteps.recipients("St. Mary's\n\nCity clinic", "BfArM"));
    }

    @Test
    void partiesAdvisedAreOneALineAtOneTime() {
        Instant at = Instant.parse("2026-05-04T10:00:00Z");
        assertEquals(
                Arrays.asList(new Party("Clinical safety", at), new Party("Service", at)),
                ChangeControlSteps.parties("Clinical safety\nService\n", at));
    }
}
