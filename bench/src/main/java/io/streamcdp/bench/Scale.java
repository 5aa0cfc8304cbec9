package io.streamcdp.bench;

import java.util.Arrays;
import java.util.Locale;

/**
 * How much the load generator writes: customers, and per customer ten orders, two support
 * tickets and ten web events (the seeds' proportions, scaled up), or for the profile API's
 * size one order each.
 */
public enum Scale {
    /** The smoke run of make test: seconds. */
    TINY("tiny", 200, 10, 2, 10),
    /** A quick look on a laptop: about a minute. */
    SMALL("small", 10_000, 10, 2, 10),
    /** The target size: 1 million customers, 10 million orders. */
    MILLION("1m", 1_000_000, 10, 2, 10),
    /** 1 million profiles from the fewest source rows: the profile API's size, in minutes. */
    MILLION_PROFILES("1m-profiles", 1_000_000, 1, 0, 0);

    private final String id;
    private final int customers;
    private final int ordersPerCustomer;
    private final int ticketsPerCustomer;
    private final int webEventsPerCustomer;

    Scale(String id, int customers, int ordersPerCustomer, int ticketsPerCustomer, int webEventsPerCustomer) {
        this.id = id;
        this.customers = customers;
        this.ordersPerCustomer = ordersPerCustomer;
        this.ticketsPerCustomer = ticketsPerCustomer;
        this.webEventsPerCustomer = webEventsPerCustomer;
    }

    public String id() {
        return id;
    }

    public int customers() {
        return customers;
    }

    public long orders() {
        return (long) customers * ordersPerCustomer;
    }

    public long tickets() {
        return (long) customers * ticketsPerCustomer;
    }

    public long webEvents() {
        return (long) customers * webEventsPerCustomer;
    }

    /** Every source row the initial CDC snapshot reads. */
    public long sourceRows() {
        return customers + orders() + tickets() + webEvents();
    }

    public static Scale byId(String id) {
        return Arrays.stream(values())
                .filter(scale -> scale.id.equals(id.toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No scale '" + id + "'; one of "
                        + Arrays.stream(values()).map(Scale::id).toList()));
    }
}
