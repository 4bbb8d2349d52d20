package org.fieldsafety.platform.domain;

/**
 * The order of software versions such as {@code 4.2.2} and {@code 4.2.10}: which release a fix is in, and
 * which safety class a version of an item has.
 */
public final class SoftwareVersion {

    private SoftwareVersion() {}

    /**
     * Compares part by part (split at {@code .}, {@code -}, {@code +}, {@code _}): numbers as numbers, other
     * parts as text, and a version that has more parts after equal ones is the later one.
     */
    public static int compare(String a, String b) {
        String[] left = a.strip().split("[.\\-+_]");
        String[] right = b.strip().split("[.\\-+_]");
        for (int i = 0; i < Math.min(left.length, right.length); i++) {
            int order = comparePart(left[i], right[i]);
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(left.length, right.length);
    }

    private static int comparePart(String a, String b) {
        if (a.matches("\\d{1,18}") && b.matches("\\d{1,18}")) {
            return Long.compare(Long.parseLong(a), Long.parseLong(b));
        }
        return a.compareTo(b);
    }
}
