package io.streamcdp.jobs.bench;

import java.util.Arrays;
import java.util.Locale;

/**
 * How much the load generator writes: customers, and per customer ten orders, two support
 * tickets and ten web events (the seeds' proportions, scaled up).
 */
public enum Scale {
    /** The smoke run of make test: seconds. */
    TINY("tiny", 200),
    /** A quick look on a laptop: about a minute. */
    SMALL("small", 10_000),
    /** The target size: 1 million customers, 10 million orders. */
    MILLION("1m", 1_000_000);

    static final int ORDERS_PER_CUSTOMER = 10;
    static final int TICKETS_PER_CUSTOMER = 2;
    static final int WEB_EVENTS_PER_CUSTOMER = 10;

    private final String id;
    private final int customers;

    Scale(String id, int customers) {
        this.id = id;
        this.customers = customers;
    }

    public String id() {
        return id;
    }

    public int customers() {
        return customers;
    }

    public long orders() {
        return (long) customers * ORDERS_PER_CUSTOMER;
    }

    public long tickets() {
        return (long) customers * TICKETS_PER_CUSTOMER;
    }

    public long webEvents() {
        return (long) customers * WEB_EVENTS_PER_CUSTOMER;
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
