package org.fieldsafety.fsca.console;

import jakarta.ws.rs.core.UriBuilder;
import java.util.Map;

/**
 * Where a page of a console list stands in the whole list, and the addresses of its neighbours: the list's
 * path with its filters and the page's number (from 1).
 *
 * @param page this page's number, from 1
 * @param pages how many pages the list has (1 for an empty list)
 * @param total how many rows the list holds on every page together
 * @param from the number of this page's first row (0 when it has none)
 * @param to the number of this page's last row
 * @param previous the previous page's address, null on the first
 * @param next the next page's address, null on the last
 */
record Paging(int page, long pages, long total, long from, long to, String previous, String next) {

    /** Rows per page of every console list. */
    static final int SIZE = 50;

    /**
     * Page {@code page} of {@code total} rows of {@code SIZE}, its neighbours at {@code path} with {@code
     * filters} (those null left out).
     */
    static Paging of(int page, long total, String path, Map<String, Object> filters) {
        long pages = Math.max(1, (total + SIZE - 1) / SIZE);
        long from = (long) (page - 1) * SIZE + 1;
        long to = Math.min(total, (long) page * SIZE);
        boolean none = from > to;
        return new Paging(
                page,
                pages,
                total,
                none ? 0 : from,
                none ? 0 : to,
                page > 1 ? address(path, filters, Math.min(page - 1, pages)) : null,
                page < pages ? address(path, filters, page + 1) : null);
    }

    private static String address(String path, Map<String, Object> filters, long page) {
        UriBuilder uri = UriBuilder.fromPath(path);
        filters.forEach((name, value) -> {
            if (value != null) {
                uri.queryParam(name, value);
            }
        });
        return uri.queryParam("page", page).build().toString();
    }
}
