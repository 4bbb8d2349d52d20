package org.fieldsafety.pms;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code ce_id}s a follower has handed on, bounded: the most recent {@code capacity} ids, the oldest
 * forgotten first. A duplicate comes soon after its original (a publisher's retry, or a service that
 * re-publishes after a restart what Kafka had not yet acknowledged), so a window of recent ids catches it
 * without a store; offsets committed after handling keep a restarted follower from re-reading the rest.
 * Not thread-safe: one per follow loop.
 */
final class SeenIds {

    private final Map<String, Boolean> ids;

    SeenIds(int capacity) {
        this.ids = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Records the id; true if it was not seen before (within the window). */
    boolean add(String id) {
        return ids.put(id, Boolean.TRUE) == null;
    }
}
