package org.fieldsafety.platform.web;

import org.fieldsafety.platform.domain.InvalidInput;

/**
 * The version a request names in its {@code If-Match} header (RFC 9110 13.1.1): the change is made only on the
 * record at that version, so one decided on a stale copy is refused instead of applied to a record that moved
 * on since.
 */
public final class IfMatch {

    private IfMatch() {}

    /**
     * The version {@code header} names, quoted or not, weak or not; null when there is no header or it is
     * {@code *} (any version).
     *
     * @throws InvalidInput when the header names something other than a version
     */
    public static Long version(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String tag = header.strip().replaceFirst("^W/", "").replace("\"", "");
        if (tag.equals("*")) {
            return null;
        }
        try {
            return Long.valueOf(tag);
        } catch (NumberFormatException e) {
            throw new InvalidInput("if-match", "If-Match names no version of the record: " + header.strip());
        }
    }
}
