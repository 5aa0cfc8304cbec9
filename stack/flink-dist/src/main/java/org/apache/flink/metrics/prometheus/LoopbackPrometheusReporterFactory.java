package org.apache.flink.metrics.prometheus;

import java.util.Properties;
import org.apache.flink.metrics.reporter.MetricReporterFactory;
import org.apache.flink.util.NetUtils;

/**
 * Creates a {@link LoopbackPrometheusReporter}. Options: {@code host} (default 127.0.0.1) and
 * {@code port}, a port or a range such as {@code 9249-9259} (each JobManager and TaskManager on
 * a machine takes the next free one).
 */
public final class LoopbackPrometheusReporterFactory implements MetricReporterFactory {

    static final String HOST = "host";
    static final String PORT = "port";

    @Override
    public LoopbackPrometheusReporter createMetricReporter(Properties properties) {
        String host = properties.getProperty(HOST, "127.0.0.1");
        String ports = properties.getProperty(PORT, "9249");
        return new LoopbackPrometheusReporter(host, NetUtils.getPortRangeFromString(ports));
    }
}
