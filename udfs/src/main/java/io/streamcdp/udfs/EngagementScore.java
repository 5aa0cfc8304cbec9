package io.streamcdp.udfs;

import org.apache.flink.table.functions.ScalarFunction;

/**
 * The Customer 360 engagement score: 10 per order, 5 per web session, 20 per purchase event,
 * minus 15 per high-priority ticket. A missing domain (NULL from a LEFT JOIN) counts as zero, so
 * a new customer scores 0 instead of NULL.
 */
public class EngagementScore extends ScalarFunction {

    public long eval(Long totalOrders, Long totalSessions, Long purchaseEvents, Long highPriorityTickets) {
        return 10 * orZero(totalOrders)
                + 5 * orZero(totalSessions)
                + 20 * orZero(purchaseEvents)
                - 15 * orZero(highPriorityTickets);
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }
}
