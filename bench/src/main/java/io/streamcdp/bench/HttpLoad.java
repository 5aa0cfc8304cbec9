package io.streamcdp.bench;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.api.Result;
import org.eclipse.jetty.http.HttpHeader;

/**
 * HTTP load on one server, asynchronous, over a pool of kept-alive connections. A paced run
 * sends at a fixed rate whatever the answers do and times each request from when it was due to
 * be sent (so a stall counts for every request it held back, not only the one it hit); a
 * saturating run keeps a fixed number of requests in flight.
 */
final class HttpLoad implements AutoCloseable {

    /** Latencies in microseconds; non-200 answers and failures are errors. */
    record Run(long requests, long errors, double perSecond, Histogram micros) {}

    private static final Duration DRAIN = Duration.ofSeconds(30);

    private final HttpClient client = new HttpClient();
    private final String authorization;

    HttpLoad(String token, int connections) throws Exception {
        this.authorization = "Bearer " + token;
        client.setMaxConnectionsPerDestination(connections);
        client.setMaxRequestsQueuedPerDestination(1_000_000);
        client.start();
    }

    /** {@code perSecond} requests a second for {@code duration}; request i goes to {@code urls.apply(i)}. */
    Run paced(LongFunction<String> urls, int perSecond, Duration duration) throws InterruptedException {
        long total = perSecond * duration.toSeconds();
        long interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
        Histogram micros = new ConcurrentHistogram(3);
        AtomicLong errors = new AtomicLong();
        Semaphore done = new Semaphore(0);
        long start = System.nanoTime();
        for (long i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            send(urls.apply(i), due, micros, errors, done);
        }
        awaitAll(done, total);
        return new Run(total, errors.get(), total * 1e9 / (System.nanoTime() - start), micros);
    }

    /** {@code inFlight} requests outstanding at all times for {@code duration}. */
    Run saturating(LongFunction<String> urls, int inFlight, Duration duration) throws InterruptedException {
        Histogram micros = new ConcurrentHistogram(3);
        AtomicLong errors = new AtomicLong();
        Semaphore slots = new Semaphore(inFlight);
        Semaphore done = new Semaphore(0);
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        long sent = 0;
        while (System.nanoTime() < end) {
            if (slots.tryAcquire(10, TimeUnit.MILLISECONDS)) {
                send(urls.apply(sent++), System.nanoTime(), micros, errors, slots, done);
            }
        }
        awaitAll(done, sent);
        return new Run(sent, errors.get(), sent * 1e9 / (System.nanoTime() - start), micros);
    }

    private void send(String url, long since, Histogram micros, AtomicLong errors, Semaphore... released) {
        client.newRequest(url)
                .headers(headers -> headers.put(HttpHeader.AUTHORIZATION, authorization))
                .send((Result result) -> {
                    micros.recordValue(Math.max(0, (System.nanoTime() - since) / 1000));
                    if (result.isFailed() || result.getResponse().getStatus() != 200) {
                        errors.incrementAndGet();
                    }
                    for (Semaphore semaphore : released) {
                        semaphore.release();
                    }
                });
    }

    private static void awaitAll(Semaphore done, long requests) throws InterruptedException {
        if (!done.tryAcquire((int) requests, DRAIN.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("Not every request was answered within " + DRAIN + " of the last one");
        }
    }

    @Override
    public void close() throws Exception {
        client.stop();
    }
}
