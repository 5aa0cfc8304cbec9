package io.streamcdp.it;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Prints the spread of measured latencies; tests report figures, the benchmark judges them. */
final class LatencyReport {

    private LatencyReport() {}

    /** One line, {@code [freshness] <what> over <n> <samples>: p50, max, min}. */
    static void print(String what, String samples, List<Long> millis, String checkpointInterval) {
        System.out.printf("[freshness] %s (checkpoint interval %s)%n", summary(what, samples, millis), checkpointInterval);
    }

    /** One line, {@code [latency] <what> over <n> <samples>: p50, max, min}. */
    static void print(String what, String samples, List<Long> millis) {
        System.out.printf("[latency] %s%n", summary(what, samples, millis));
    }

    private static String summary(String what, String samples, List<Long> millis) {
        List<Long> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        int n = sorted.size();
        return String.format("%s over %d %s: p50 %d ms, max %d ms, min %d ms",
                what, n, samples, sorted.get((n - 1) / 2), sorted.get(n - 1), sorted.get(0));
    }
}
