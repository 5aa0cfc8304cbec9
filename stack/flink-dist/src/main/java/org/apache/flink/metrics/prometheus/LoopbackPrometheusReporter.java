package org.apache.flink.metrics.prometheus;

import io.prometheus.client.exporter.HTTPServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Iterator;

/**
 * Flink's Prometheus reporter, serving on one interface instead of all of them. Flink 1.20's
 * {@link PrometheusReporter} always binds the wildcard address and keeps its registry
 * package-private, which is why this class lives in Flink's package.
 */
public final class LoopbackPrometheusReporter extends AbstractPrometheusReporter {

    private final HTTPServer httpServer;

    LoopbackPrometheusReporter(String host, Iterator<Integer> ports) {
        HTTPServer started = null;
        IOException lastFailure = null;
        while (started == null && ports.hasNext()) {
            int port = ports.next();
            try {
                started = new HTTPServer(new InetSocketAddress(host, port), registry);
                log.info("Started the Prometheus metrics endpoint on http://{}:{}/metrics", host, port);
            } catch (IOException e) {
                lastFailure = e;
            }
        }
        if (started == null) {
            throw new IllegalStateException("No free port for the Prometheus metrics endpoint on " + host, lastFailure);
        }
        httpServer = started;
    }

    @Override
    public void close() {
        httpServer.stop();
        super.close();
    }
}
