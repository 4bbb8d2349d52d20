package org.fieldsafety.fsca.vigilance.render;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.fieldsafety.fsca.vigilance.CodedTerm;

/**
 * An authority's form filled in: numbered sections of numbered fields, each field with the element name
 * its XML file uses and the label its printed form shows. One form drives both the submission file and
 * the PDF, so the two always say the same. A field without a value is left out of the file and shown as
 * not known on paper.
 *
 * @param title the form's title as the authority names it
 * @param source the form or schema it follows, and whether the project's schema is the official one
 * @param root the XML root element
 * @param namespace the XML namespace
 */
public record Form(String title, String source, String root, String namespace, List<Section> sections) {

    /** A numbered section; {@code element} wraps its fields in the XML file. */
    public record Section(String number, String title, String element, List<Field> fields) {

        public static Section of(String number, String title, String element, Field... fields) {
            return new Section(number, title, element, List.of(fields));
        }
    }

    /** A numbered field: its XML element, its printed label and its values (repeated elements). */
    public record Field(String number, String label, String element, List<Value> values) {

        /** A field of text values; null values are dropped. */
        public static Field text(String number, String label, String element, Object... values) {
            List<Value> present = new ArrayList<>();
            Arrays.stream(values)
                    .filter(Objects::nonNull)
                    .map(value -> new Value(value.toString(), null, null, null))
                    .forEach(present::add);
            return new Field(number, label, element, List.copyOf(present));
        }

        /** A field of IMDRF codes, each with the annex as its code system and its release as version. */
        public static Field imdrf(String number, String label, String element, String annex, List<CodedTerm> codes) {
            List<CodedTerm> given = codes == null ? List.of() : codes;
            return new Field(
                    number,
                    label,
                    element,
                    given.stream()
                            .map(code -> new Value(code.term(), code.code(), "IMDRF-AET-" + annex, code.release()))
                            .toList());
        }
    }

    /** One value: text, or a code of a code system with its display text. */
    public record Value(String text, String code, String system, String version) {

        public boolean coded() {
            return code != null;
        }

        /** How paper shows it: the code, its text and the code system's version. */
        public String printed() {
            if (!coded()) {
                return text;
            }
            return code + " " + text + " (" + system + (version == null ? "" : " " + version) + ")";
        }
    }
}
