package org.fieldsafety.fsca.vigilance.render;

import java.io.ByteArrayOutputStream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A form as a submission file: the root element in the form's namespace, one element per section and,
 * inside it, one element per value of each field; a coded value carries {@code code}, {@code codeSystem}
 * and {@code codeSystemVersion} attributes and its text. UTF-8, indented by two spaces.
 */
public final class FormXml {

    private FormXml() {}

    public static byte[] write(Form form) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            Indented writer = new Indented(xml, "codeSystem");
            xml.writeStartDocument("UTF-8", "1.0");
            writer.start(form.root());
            xml.writeDefaultNamespace(form.namespace());
            for (Form.Section section : form.sections()) {
                writer.start(section.element());
                for (Form.Field field : section.fields()) {
                    for (Form.Value value : field.values()) {
                        writer.value(field.element(), value);
                    }
                }
                writer.end();
            }
            writer.end();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("The form could not be written as XML", e);
        }
        return out.toByteArray();
    }

    /** Writes elements one per line, indented by depth. */
    static final class Indented {
        private final XMLStreamWriter xml;
        private final String systemAttribute;
        private int depth;

        /** @param systemAttribute the attribute naming a code's system: {@code codeSystem}, HL7's {@code codeSystemName} */
        Indented(XMLStreamWriter xml, String systemAttribute) {
            this.xml = xml;
            this.systemAttribute = systemAttribute;
        }

        void start(String element) throws XMLStreamException {
            newLine();
            xml.writeStartElement(element);
            depth++;
        }

        void end() throws XMLStreamException {
            depth--;
            newLine();
            xml.writeEndElement();
        }

        /** An element holding a value: text, or a code with its attributes and text. */
        void value(String element, Form.Value value) throws XMLStreamException {
            newLine();
            xml.writeStartElement(element);
            if (value.coded()) {
                xml.writeAttribute("code", value.code());
                xml.writeAttribute(systemAttribute, value.system());
                if (value.version() != null) {
                    xml.writeAttribute("codeSystemVersion", value.version());
                }
            }
            xml.writeCharacters(value.text());
            xml.writeEndElement();
        }

        /** An empty element with attributes (HL7's style). */
        void empty(String element, String... attributes) throws XMLStreamException {
            newLine();
            xml.writeEmptyElement(element);
            for (int i = 0; i + 1 < attributes.length; i += 2) {
                if (attributes[i + 1] != null) {
                    xml.writeAttribute(attributes[i], attributes[i + 1]);
                }
            }
        }

        /** An element holding only text. */
        void text(String element, String text) throws XMLStreamException {
            newLine();
            xml.writeStartElement(element);
            xml.writeCharacters(text);
            xml.writeEndElement();
        }

        private void newLine() throws XMLStreamException {
            xml.writeCharacters("\n" + "  ".repeat(depth));
        }
    }
}
