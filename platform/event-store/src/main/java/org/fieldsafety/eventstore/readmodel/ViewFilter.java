package org.fieldsafety.eventstore.readmodel;

import java.util.HashMap;
import java.util.Map;

/** The optional equality filters of a list endpoint, as a Panache query: absent values filter nothing. */
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

    public String query() {
        return query.toString();
    }

    public Map<String, Object> parameters() {
        return parameters;
    }
}
