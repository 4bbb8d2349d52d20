package org.fieldsafety.fsca.vigilance.render;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A Form FDA 3500A as an HL7 v3 Individual Case Safety Report message in {@code urn:hl7-org:v3}: the
 * message wrapper (id, creation time, interaction), the control act and its investigation event (the
 * manufacturer report number and the type of report), and one {@code component/section} per 3500A
 * section holding one {@code entry/observation} per block, its value text or a code. The element and
 * attribute names follow HL7 v3; the nesting of observations under sections is this project's (see
 * docs/vigilance-formats.md), not FDA's ICSR message model, which could not be obtained.
 */
final class Hl7IcsrXml {

    static final String FORM_CODE_SYSTEM = "FDA-3500A";

    private Hl7IcsrXml() {}

    static byte[] write(Form form, String reportNumber, LocalDate created, String reportType) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            FormXml.Indented writer = new FormXml.Indented(xml, "codeSystemName");
            xml.writeStartDocument("UTF-8", "1.0");
            writer.start(form.root());
            xml.writeDefaultNamespace(form.namespace());
            xml.writeAttribute("ITSVersion", "XML_1.0");
            writer.empty("id", "extension", reportNumber);
            writer.empty("creationTime", "value", created.format(DateTimeFormatter.BASIC_ISO_DATE));
            writer.empty("interactionId", "extension", form.root());
            writer.empty("processingCode", "code", "P");
            writer.start("controlActProcess");
            xml.writeAttribute("classCode", "CACT");
            xml.writeAttribute("moodCode", "EVN");
            writer.start("subject");
            xml.writeAttribute("typeCode", "SUBJ");
            writer.start("investigationEvent");
            xml.writeAttribute("classCode", "INVSTG");
            xml.writeAttribute("moodCode", "EVN");
            writer.empty("id", "extension", reportNumber);
            writer.empty("code", "code", reportType, "codeSystemName", FORM_CODE_SYSTEM + "-G7");
            for (Form.Section section : form.sections()) {
                writer.start("component");
                xml.writeAttribute("typeCode", "COMP");
                writer.start("section");
                writer.empty("code", "code", section.number(), "codeSystemName", FORM_CODE_SYSTEM);
                writer.text("title", section.title());
                for (Form.Field field : section.fields()) {
                    for (Form.Value value : field.values()) {
                        writer.start("entry");
                        writer.start("observation");
                        xml.writeAttribute("classCode", "OBS");
                        xml.writeAttribute("moodCode", "EVN");
                        writer.empty(
                                "code",
                                "code",
                                field.element(),
                                "codeSystemName",
                                FORM_CODE_SYSTEM,
                                "displayName",
                                field.label());
                        writer.value("value", value);
                        writer.end();
                        writer.end();
                    }
                }
                writer.end();
                writer.end();
            }
            writer.end();
            writer.end();
            writer.end();
            writer.end();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("The eMDR could not be written", e);
        }
        return out.toByteArray();
    }
}
