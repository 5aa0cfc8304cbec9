package io.streamcdp.it.differential;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The rows of one source table by primary key, as the change generator last wrote them, with a
 * uniformly random key in constant time (the generator picks one for every update and delete).
 * Each change returns its undo, for a transaction that is rolled back.
 */
final class RowTable {

    private final Map<Integer, Object[]> rows = new HashMap<>();
    private final Map<Integer, Integer> positions = new HashMap<>();
    private final List<Integer> keys = new ArrayList<>();

    boolean contains(int key) {
        return rows.containsKey(key);
    }

    Object[] get(int key) {
        return rows.get(key);
    }

    /** A key drawn by the given random source, or null when the table is empty. */
    Integer anyKey(Random random) {
        return keys.isEmpty() ? null : keys.get(random.nextInt(keys.size()));
    }

    Runnable put(int key, Object[] values) {
        Object[] previous = rows.put(key, values);
        if (previous == null) {
            positions.put(key, keys.size());
            keys.add(key);
            return () -> remove(key);
        }
        return () -> rows.put(key, previous);
    }

    Runnable remove(int key) {
        Object[] previous = rows.remove(key);
        if (previous == null) {
            return () -> {};
        }
        int position = positions.remove(key);
        int last = keys.remove(keys.size() - 1);
        if (last != key) {
            keys.set(position, last);
            positions.put(last, position);
        }
        return () -> put(key, previous);
    }
}
