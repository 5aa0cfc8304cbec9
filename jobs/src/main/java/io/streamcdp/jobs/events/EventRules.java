package io.streamcdp.jobs.events;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * What a topic's columns accept beyond their types: the known values of a column (event types),
 * and the plausible range of a numeric column (a dwell time is not negative, nor a day long).
 * A value outside them makes the record a dead letter.
 */
public final class EventRules implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Map<String, Set<String>> allowedValues = new HashMap<>();
    private final Map<String, long[]> ranges = new HashMap<>();

    public static EventRules none() {
        return new EventRules();
    }

    /** The column only takes one of these values. */
    public EventRules allow(String column, Set<String> values) {
        allowedValues.put(column, Set.copyOf(values));
        return this;
    }

    /** The column's number must lie in [min, max]. */
    public EventRules range(String column, long min, long max) {
        ranges.put(column, new long[] {min, max});
        return this;
    }

    Set<String> allowedValues(String column) {
        return allowedValues.get(column);
    }

    long[] range(String column) {
        return ranges.get(column);
    }
}
