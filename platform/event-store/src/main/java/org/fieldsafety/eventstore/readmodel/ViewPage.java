package org.fieldsafety.eventstore.readmodel;

import java.util.List;

/**
 * One page of a list read from a view, and how many rows the list holds in all, so that a page of a long
 * list reads only its own rows.
 *
 * @param rows the page's rows, in the list's order
 * @param total how many rows match the list's filters, on every page together
 */
public record ViewPage<T>(List<T> rows, long total) {

    public ViewPage {
        rows = List.copyOf(rows);
    }
}
