package org.fieldsafety.fsca.vigilance.render;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.fieldsafety.fsca.vigilance.SubmissionFormat;
import org.fieldsafety.platform.domain.InvalidInput;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The XML Schema of each submission file, kept in {@code vigilance/schemas} (docs/vigilance-formats.md
 * says which are official and which the project wrote from a published field list). Every file is
 * checked against its schema before it leaves the renderer.
 */
public final class Schemas {

    private static final Map<SubmissionFormat, String> FILES = Map.of(
            SubmissionFormat.EU_MIR, "eu-mir.xsd",
            SubmissionFormat.UK_MIR, "gb-mir.xsd",
            SubmissionFormat.EU_FSCA, "eu-fsca.xsd",
            SubmissionFormat.UK_FSCA, "gb-fsca.xsd",
            SubmissionFormat.EU_TREND, "eu-trend.xsd",
            SubmissionFormat.UK_TREND, "gb-trend.xsd",
            SubmissionFormat.EU_PSR, "eu-psr.xsd",
            SubmissionFormat.US_EMDR, "us-emdr-icsr.xsd",
            SubmissionFormat.US_CORRECTION_REMOVAL, "us-806.xsd");
    private static final Map<SubmissionFormat, Schema> COMPILED = new ConcurrentHashMap<>();

    private Schemas() {}

    /** 400 {@code incomplete-vigilance-report} naming the first element that breaks the format's schema. */
    public static void validate(SubmissionFormat format, byte[] xml) {
        try {
            COMPILED.computeIfAbsent(format, Schemas::compile)
                    .newValidator()
                    .validate(new StreamSource(new ByteArrayInputStream(xml)));
        } catch (SAXParseException e) {
            throw new InvalidInput(
                    "incomplete-vigilance-report",
                    "The " + format + " file does not meet its schema at line " + e.getLineNumber() + ": "
                            + e.getMessage());
        } catch (SAXException e) {
            throw new InvalidInput(
                    "incomplete-vigilance-report",
                    "The " + format + " file does not meet its schema: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Schema compile(SubmissionFormat format) {
        URL file = Schemas.class.getClassLoader().getResource("vigilance/schemas/" + FILES.get(format));
        try {
            return SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(file);
        } catch (SAXException e) {
            throw new IllegalStateException("The schema of " + format + " does not compile", e);
        }
    }
}
