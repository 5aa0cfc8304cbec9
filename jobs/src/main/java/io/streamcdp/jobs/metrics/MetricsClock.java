package io.streamcdp.jobs.metrics;

/** Which clock stands for {@code NOW()} in the rolling metrics. */
public enum MetricsClock {
    /** The machine's clock: events leave the metrics 24 hours after they happened, live. */
    PROCESSING_TIME,
    /** The events' watermark: replays and tests see exactly what live use would have seen. */
    EVENT_TIME;

    /** From the {@code metrics.clock} option: {@code processing-time} or {@code event-time}. */
    public static MetricsClock fromOption(String value) {
        for (MetricsClock clock : values()) {
            if (clock.name().replace('_', '-').equalsIgnoreCase(value)) {
                return clock;
            }
        }
        throw new IllegalArgumentException("metrics.clock must be processing-time or event-time, not '" + value + "'");
    }
}
