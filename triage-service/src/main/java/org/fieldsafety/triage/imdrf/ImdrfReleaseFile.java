package org.fieldsafety.triage.imdrf;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.fieldsafety.platform.domain.InvalidInput;

/**
 * Reads one annex of an IMDRF release from a CSV export of IMDRF's annex spreadsheet (the README beside
 * the shipped release, {@code contracts/src/main/resources/imdrf/README.md}, says how to export it). The first row
 * names the columns: the code is in {@code Code} (or {@code IMDRF Code}); the term in {@code Term}, or, in
 * IMDRF's layout, in the last filled of the {@code Level 1 Term}, {@code Level 2 Term}, ... columns.
 * Every other column (definitions, status, hierarchy) is ignored. Commas or semicolons separate the fields, double quotes enclose a field
 * that holds either or a line break. A row without a code is skipped, and so is a code repeated with the
 * same term (Annex E lists a term under each body system it belongs to); a code that does not belong to
 * the annex, a code repeated with another term or a code without a term (or with one longer than 500
 * characters) rejects the whole file, every such row named.
 */
public final class ImdrfReleaseFile {

    /** The longest term stored (the column's size). */
    static final int MAX_TERM = 500;

    private static final Pattern LEVEL_TERM = Pattern.compile("level\\s*(\\d+)\\s*term");

    private ImdrfReleaseFile() {}

    /** The terms of {@code annex} in {@code csv}, as codes of {@code release}, in the file's order. */
    public static List<ImdrfCode> parse(ImdrfAnnex annex, String release, String csv) {
        List<List<String>> rows = rows(csv.startsWith("\uFEFF") ? csv.substring(1) : csv);
        if (rows.isEmpty()) {
            throw invalid("the file is empty");
        }
        List<String> header = rows.get(0).stream()
                .map(h -> h.strip().toLowerCase(Locale.ROOT))
                .toList();
        int code = header.contains("code") ? header.indexOf("code") : header.indexOf("imdrf code");
        int term = header.indexOf("term");
        List<Integer> levels = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            if (LEVEL_TERM.matcher(header.get(i)).matches()) {
                levels.add(i);
            }
        }
        if (code < 0 || (term < 0 && levels.isEmpty())) {
            throw invalid("the first row must name a 'Code' column and a 'Term' or 'Level n Term' column");
        }
        List<ImdrfCode> codes = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (int line = 1; line < rows.size(); line++) {
            List<String> row = rows.get(line);
            String value = cell(row, code);
            if (value.isEmpty()) {
                continue;
            }
            String text = term >= 0 ? cell(row, term) : lastFilled(row, levels);
            if (annex != ImdrfAnnex.ofCode(value)) {
                problems.add("row " + (line + 1) + ": " + value + " is not a code of annex " + annex);
            } else if (text.isEmpty() || text.length() > MAX_TERM) {
                problems.add("row " + (line + 1) + ": " + value + " has no term or one longer than " + MAX_TERM);
            } else if (seen.containsKey(value)) {
                if (!seen.get(value).equals(text)) {
                    problems.add("row " + (line + 1) + ": " + value + " is given again with another term");
                }
            } else {
                seen.put(value, text);
                codes.add(new ImdrfCode(value, text, release));
            }
        }
        if (!problems.isEmpty()) {
            throw invalid(String.join("; ", problems));
        }
        if (codes.isEmpty()) {
            throw invalid("the file holds no code");
        }
        return codes;
    }

    private static String cell(List<String> row, int index) {
        return index < row.size() ? row.get(index).strip() : "";
    }

    private static String lastFilled(List<String> row, List<Integer> levels) {
        String found = "";
        for (int level : levels) {
            String value = cell(row, level);
            found = value.isEmpty() ? found : value;
        }
        return found;
    }

    /** RFC 4180 records; the separator is a semicolon when the first line has one and no comma. */
    static List<List<String>> rows(String csv) {
        String firstLine = csv.lines().findFirst().orElse("");
        char separator = firstLine.indexOf(';') >= 0 && firstLine.indexOf(',') < 0 ? ';' : ',';
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == separator) {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(field.toString());
                field.setLength(0);
                addUnlessBlank(rows, row);
                row = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        row.add(field.toString());
        addUnlessBlank(rows, row);
        return rows;
    }

    private static void addUnlessBlank(List<List<String>> rows, List<String> row) {
        if (row.stream().anyMatch(value -> !value.isBlank())) {
            rows.add(row);
        }
    }

    private static InvalidInput invalid(String detail) {
        return new InvalidInput("invalid-imdrf-file", "The IMDRF annex file is not readable: " + detail);
    }
}
