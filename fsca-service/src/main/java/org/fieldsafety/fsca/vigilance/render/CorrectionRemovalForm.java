package org.fieldsafety.fsca.vigilance.render;

import java.util.ArrayList;
import java.util.List;
import org.fieldsafety.fsca.vigilance.VigilanceReportDocument;
import org.fieldsafety.fsca.vigilance.VigilanceReportDocument.FscaLink;

/**
 * The report of a correction or removal to FDA with the content 21 CFR 806.10(c) asks for: the
 * registration number and report date, the manufacturer and the person responsible for the action, the
 * device (brand name, model, serial number, UDI, premarket number), the event that gave rise to the
 * action and the action taken, any illness or injury, the number of devices and where they went, the
 * communications (the field safety notice), and a statement of what is not yet known and will be sent
 * later. FDA takes it on paper or through its portals; the XML and its schema are the project's.
 */
final class CorrectionRemovalForm {

    private CorrectionRemovalForm() {}

    static Form of(VigilanceReportDocument document) {
        String name = "Report of correction or removal";
        FscaLink fsca = FormParts.required(document.fsca(), "field safety corrective action", name);
        VigilanceReportDocument.Administrative administrative = document.administrative();
        VigilanceReportDocument.Manufacturer manufacturer = document.manufacturer();
        VigilanceReportDocument.Device device = document.device();
        VigilanceReportDocument.IncidentDetails incident = document.incident();
        return new Form(
                name + " (21 CFR 806.10)",
                "21 CFR 806.10(c) content; FDA publishes no XML schema, the schema is this project's",
                "correctionRemovalReport",
                "urn:fieldsafety:vigilance:us:806",
                List.of(
                        Form.Section.of(
                                "1",
                                "Report",
                                "report",
                                Form.Field.text(
                                        "1a",
                                        "Registration number of the reporting establishment",
                                        "registrationNumber",
                                        manufacturer.fdaRegistrationNumber()),
                                Form.Field.text("1b", "Date of this report", "reportDate", administrative.reportDate()),
                                Form.Field.text("1c", "Report number", "reportNumber", administrative.reportId())),
                        Form.Section.of(
                                "2",
                                "Manufacturer and person responsible",
                                "manufacturer",
                                Form.Field.text("2a", "Name", "name", manufacturer.name()),
                                Form.Field.text(
                                        "2b",
                                        "Address",
                                        "address",
                                        FormParts.joined(
                                                ", ",
                                                manufacturer.address().street(),
                                                FormParts.joined(
                                                        " ",
                                                        manufacturer.address().postcode(),
                                                        manufacturer.address().city()),
                                                manufacturer.address().country())),
                                Form.Field.text("2c", "Phone", "phone", manufacturer.phone()),
                                Form.Field.text(
                                        "2d",
                                        "Person responsible for the action",
                                        "responsiblePerson",
                                        fsca.responsiblePerson())),
                        Form.Section.of(
                                "3",
                                "Device",
                                "device",
                                Form.Field.text("3a", "Brand name", "brandName", device.name()),
                                Form.Field.text("3b", "Model", "model", device.model()),
                                Form.Field.text("3c", "Serial number", "serialNumber", device.serialNumber()),
                                Form.Field.text("3d", "Unique device identifier (UDI-DI)", "udiDi", device.udiDi()),
                                Form.Field.text(
                                        "3e",
                                        "Premarket number (510(k), PMA)",
                                        "premarketNumber",
                                        device.premarketNumber()),
                                Form.Field.text(
                                        "3f",
                                        "Affected software versions",
                                        "affectedSoftwareVersion",
                                        fsca.affectedSoftwareVersions().toArray())),
                        Form.Section.of(
                                "4",
                                "Event and action",
                                "action",
                                Form.Field.text("4a", "Event giving rise to the action", "event", fsca.reason()),
                                Form.Field.text("4b", "Action taken", "actionTaken", fsca.action()),
                                Form.Field.text("4c", "Date the action started", "startedOn", fsca.startedOn()),
                                Form.Field.text(
                                        "4d",
                                        "Illness or injury that occurred with use of the device",
                                        "illnessOrInjury",
                                        incident == null
                                                ? null
                                                : incident.patientOutcome() + ": " + incident.narrative())),
                        Form.Section.of(
                                "5",
                                "Distribution and communications",
                                "distribution",
                                Form.Field.text(
                                        "5a",
                                        "Number of devices subject to the action",
                                        "devicesAffected",
                                        fsca.devicesAffected()),
                                Form.Field.text(
                                        "5b",
                                        "Countries of distribution",
                                        "country",
                                        fsca.countries().toArray()),
                                Form.Field.text(
                                        "5c",
                                        "Communication to consignees (field safety notice)",
                                        "communication",
                                        fsca.fieldSafetyNoticeReference() == null
                                                ? null
                                                : fsca.fieldSafetyNoticeReference() + " of "
                                                        + fsca.fieldSafetyNoticeIssuedOn())),
                        Form.Section.of(
                                "6",
                                "Information not yet available",
                                "pending",
                                Form.Field.text(
                                        "6a",
                                        "Not yet available, to be submitted later",
                                        "item",
                                        pending(fsca, device).toArray()))));
    }

    /** Each required item that is not known yet (806.10(c) asks why and when it will follow), or that none is missing. */
    private static List<String> pending(FscaLink fsca, VigilanceReportDocument.Device device) {
        List<String> missing = new ArrayList<>();
        if (fsca.devicesAffected() == null) {
            missing.add("Number of devices subject to the action: being established, submitted when known");
        }
        if (fsca.fieldSafetyNoticeReference() == null) {
            missing.add("Communication to consignees: not issued yet, submitted when issued");
        }
        if (device.udiDi() == null) {
            missing.add("UDI-DI: not recorded for this device, submitted when known");
        }
        return missing.isEmpty() ? List.of("Nothing: this report gives every item") : missing;
    }
}
