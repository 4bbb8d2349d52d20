package org.fieldsafety.fsca.vigilance.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * A form as a human-readable PDF: the title and what the form follows, each section with its numbered
 * fields (number and label on the left, the values on the right, wrapped), a field without value as "not
 * known", and on every page the report's reference and the page number. A4, Helvetica; a character the
 * font cannot show is printed as "?".
 */
final class FormPdf {

    private static final float MARGIN = 50;
    private static final float LABEL_WIDTH = 190;
    private static final float GAP = 10;
    private static final float SIZE = 9;
    private static final float LEADING = 11.5f;
    private static final String NOT_KNOWN = "not known";

    private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private final Map<Character, Boolean> printable = new HashMap<>();

    private PDDocument pdf;
    private PDPageContentStream page;
    private float y;

    static byte[] write(Form form, String reference) {
        return new FormPdf().render(form, reference);
    }

    private byte[] render(Form form, String reference) {
        try (PDDocument document = new PDDocument()) {
            pdf = document;
            newPage();
            lines(bold, 14, wrap(form.title(), bold, 14, width()), MARGIN);
            lines(regular, 8, wrap(form.source(), regular, 8, width()), MARGIN);
            y -= LEADING;
            for (Form.Section section : form.sections()) {
                room(3 * LEADING);
                lines(bold, 11, List.of(section.number() + "  " + section.title()), MARGIN);
                y -= 2;
                for (Form.Field field : section.fields()) {
                    field(field);
                }
                y -= LEADING / 2;
            }
            page.close();
            footers(reference);
            document.getDocumentInformation().setTitle(form.title());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void field(Form.Field field) throws IOException {
        List<String> label = wrap(field.number() + "  " + field.label(), regular, SIZE, LABEL_WIDTH);
        List<String> value = new ArrayList<>();
        float valueWidth = width() - LABEL_WIDTH - GAP;
        for (Form.Value each : field.values()) {
            value.addAll(wrap(each.printed(), bold, SIZE, valueWidth));
        }
        if (value.isEmpty()) {
            value.add(NOT_KNOWN);
        }
        int rows = Math.max(label.size(), value.size());
        room(rows * LEADING);
        float top = y;
        lines(regular, SIZE, label, MARGIN);
        y = top;
        lines(field.values().isEmpty() ? regular : bold, SIZE, value, MARGIN + LABEL_WIDTH + GAP);
        y = top - rows * LEADING - 2;
    }

    private void lines(PDType1Font font, float size, List<String> lines, float x) throws IOException {
        for (String line : lines) {
            y -= size + 2.5f;
            page.beginText();
            page.setFont(font, size);
            page.newLineAtOffset(x, y);
            page.showText(line);
            page.endText();
        }
    }

    /** Starts a new page when fewer than {@code height} points are left above the footer. */
    private void room(float height) throws IOException {
        if (y - height < MARGIN + 20) {
            page.close();
            newPage();
        }
    }

    private void newPage() throws IOException {
        PDPage next = new PDPage(PDRectangle.A4);
        pdf.addPage(next);
        page = new PDPageContentStream(pdf, next);
        y = next.getMediaBox().getHeight() - MARGIN;
    }

    private void footers(String reference) throws IOException {
        int count = pdf.getNumberOfPages();
        for (int i = 0; i < count; i++) {
            try (PDPageContentStream footer =
                    new PDPageContentStream(pdf, pdf.getPage(i), PDPageContentStream.AppendMode.APPEND, true)) {
                footer.beginText();
                footer.setFont(regular, 8);
                footer.newLineAtOffset(MARGIN, MARGIN - 15);
                footer.showText(printable(reference + " - page " + (i + 1) + " of " + count));
                footer.endText();
            }
        }
    }

    private float width() {
        return PDRectangle.A4.getWidth() - 2 * MARGIN;
    }

    /** The text's paragraphs broken into lines that fit {@code width}; a word longer than a line is cut. */
    private List<String> wrap(String text, PDType1Font font, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String paragraph : printable(text).split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.split(" ")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (width(candidate, font, size) <= width) {
                    line.setLength(0);
                    line.append(candidate);
                    continue;
                }
                if (!line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                String rest = word;
                while (width(rest, font, size) > width) {
                    int cut = rest.length() - 1;
                    while (cut > 1 && width(rest.substring(0, cut), font, size) > width) {
                        cut--;
                    }
                    lines.add(rest.substring(0, cut));
                    rest = rest.substring(cut);
                }
                line.append(rest);
            }
            lines.add(line.toString());
        }
        return lines;
    }

    private static float width(String text, PDType1Font font, float size) throws IOException {
        return font.getStringWidth(text) / 1000 * size;
    }

    /** The text with tabs as spaces and every character Helvetica cannot encode as "?". */
    private String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.replace('\t', ' ').replace("\r", "").toCharArray()) {
            out.append(c == '\n' || printable.computeIfAbsent(c, this::encodable) ? c : '?');
        }
        return out.toString();
    }

    private boolean encodable(char c) {
        try {
            regular.encode(String.valueOf(c));
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }
}
