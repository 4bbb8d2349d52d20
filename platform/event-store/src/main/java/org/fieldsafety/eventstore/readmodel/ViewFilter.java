package org.fieldsafety.eventstore.readmodel;

import java.util.HashMap;
import java.util.Map;

/** The optional filters of a list endpoint, as a Panache query: absent values filter nothing. */
public final class ViewFilter {

    private final StringBuilder query = new StringBuilder("1 = 1");
    private final Map<String, Object> parameters = new HashMap<>();

    /** Adds {@code field = value} unless {@code value} is null; {@code field} is the entity's field name. */
    public ViewFilter with(String field, Object value) {
        if (value != null) {
            query.append(" and ").append(field).append(" = :").append(field);
            parameters.put(field, value);
        }
        return this;
    }

    /**
     * Adds {@code field in (subquery)} unless {@code value} is null; {@code subquery} selects by the named
     * parameter {@code :parameter}, which {@code value} binds.
     */
    public ViewFilter in(String field, String subquery, String parameter, Object value) {
        if (value != null) {
            query.append(" and ").append(field).append(" in (").append(subquery).append(")");
            parameters.put(parameter, value);
        }
        return this;
    }

    public String query() {
        return query.toString();
    }

    public Map<String, Object> parameters() {
        return parameters;
    }
}
