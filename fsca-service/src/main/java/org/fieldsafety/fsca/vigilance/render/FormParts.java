package org.fieldsafety.fsca.vigilance.render;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.fieldsafety.fsca.vigilance.VigilanceReportDocument;
import org.fieldsafety.fsca.vigilance.VigilanceReportDocument.Address;
import org.fieldsafety.fsca.vigilance.VigilanceReportDocument.Manufacturer;
import org.fieldsafety.platform.domain.InvalidInput;

/** Parts several forms share: the manufacturer block, the device block, required parts. */
final class FormParts {

    private FormParts() {}

    /** The manufacturer with its registration, address and contact. */
    static Form.Section manufacturer(String number, Manufacturer manufacturer) {
        Address address = manufacturer.address();
        return Form.Section.of(
                number,
                "Manufacturer",
                "manufacturer",
                Form.Field.text(number + "a", "Name", "name", manufacturer.name()),
                Form.Field.text(number + "b", "Single registration number (SRN)", "srn", manufacturer.srn()),
                Form.Field.text(number + "c", "Street", "street", address.street()),
                Form.Field.text(number + "d", "Postcode", "postcode", address.postcode()),
                Form.Field.text(number + "e", "City", "city", address.city()),
                Form.Field.text(number + "f", "Country", "country", address.country()),
                Form.Field.text(number + "g", "Contact person", "contactName", manufacturer.contactName()),
                Form.Field.text(number + "h", "Phone", "phone", manufacturer.phone()),
                Form.Field.text(number + "i", "E-mail", "email", manufacturer.email()));
    }

    /**
     * The device: UDI-DI, names, software version, serial number, risk class, and the affected software
     * versions when the report concerns several (an FSCA); {@code affectedVersions} null leaves them out.
     */
    static Form.Section device(String number, VigilanceReportDocument.Device device, List<String> affectedVersions) {
        List<Form.Field> fields = new ArrayList<>(List.of(
                Form.Field.text(number + "a", "UDI-DI", "udiDi", device.udiDi()),
                Form.Field.text(number + "b", "Trade name", "tradeName", device.name()),
                Form.Field.text(number + "c", "Model", "model", device.model()),
                Form.Field.text(number + "d", "Software version", "softwareVersion", device.softwareVersion()),
                Form.Field.text(number + "e", "Serial number", "serialNumber", device.serialNumber()),
                Form.Field.text(number + "f", "Risk class", "riskClass", device.riskClass())));
        if (affectedVersions != null) {
            fields.add(Form.Field.text(
                    number + "g", "Affected software versions", "affectedSoftwareVersion", affectedVersions.toArray()));
        }
        return new Form.Section(number, "Medical device information", "device", List.copyOf(fields));
    }

    /** The investigation, or one with nothing found yet when there is none. */
    static VigilanceReportDocument.Investigation investigation(VigilanceReportDocument.Investigation investigation) {
        return investigation != null
                ? investigation
                : new VigilanceReportDocument.Investigation(
                        List.of(), List.of(), List.of(), List.of(), null, null, null, false);
    }

    /** A part the form cannot be filled in without; 400 naming it. */
    static <T> T required(T part, String what, String form) {
        if (part == null) {
            throw new InvalidInput("incomplete-vigilance-report", "The " + form + " needs the report's " + what);
        }
        return part;
    }

    /** The non-null texts, each on its own paragraph. */
    static String paragraphs(String... texts) {
        return joined("\n", texts);
    }

    /** The texts given, joined by {@code separator}; null when none is given, so the form prints "not known". */
    static String joined(String separator, String... texts) {
        List<String> present =
                Stream.of(texts).filter(t -> t != null && !t.isBlank()).toList();
        return present.isEmpty() ? null : String.join(separator, present);
    }
}
