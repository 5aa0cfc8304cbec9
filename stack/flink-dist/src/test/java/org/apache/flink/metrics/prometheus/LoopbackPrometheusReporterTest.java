package org.apache.flink.metrics.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.apache.flink.metrics.CharacterFilter;
import org.apache.flink.metrics.LogicalScopeProvider;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.SimpleCounter;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.junit.jupiter.api.Test;

class LoopbackPrometheusReporterTest {

    @Test
    void servesMetricsOnLoopbackOnly() throws Exception {
        int port = freePort();
        LoopbackPrometheusReporter reporter = create(port + "");
        try {
            SimpleCounter records = new SimpleCounter();
            records.inc(42);
            reporter.notifyOfAddedMetric(records, "numRecordsIn", new TaskManagerGroup());

            String body = HttpClient.newHttpClient()
                    .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            assertThat(body).contains("flink_taskmanager_numRecordsIn 42.0");
            // The kernel's table of listening sockets: the port is bound to 127.0.0.1, not to any address.
            assertThat(listeningAddresses(port)).containsOnly("127.0.0.1");
        } finally {
            reporter.close();
        }
        assertThat(listeningAddresses(port)).isEmpty();
    }

    @Test
    void takesTheNextFreePortOfARange() throws Exception {
        int first = freePort();
        try (ServerSocket taken = new ServerSocket(first)) {
            int second = freePort();
            LoopbackPrometheusReporter reporter = create(first + "," + second);
            try {
                assertThat(listeningAddresses(second)).containsOnly("127.0.0.1");
            } finally {
                reporter.close();
            }
        }
    }

    /** A metric group with a logical scope, as Flink's own groups have; the reporter names metrics by it. */
    private static final class TaskManagerGroup extends UnregisteredMetricsGroup implements LogicalScopeProvider {
        @Override
        public String getLogicalScope(CharacterFilter filter) {
            return "taskmanager";
        }

        @Override
        public String getLogicalScope(CharacterFilter filter, char delimiter) {
            return "taskmanager";
        }

        @Override
        public MetricGroup getWrappedMetricGroup() {
            return this;
        }
    }

    private static LoopbackPrometheusReporter create(String ports) {
        Properties properties = new Properties();
        properties.setProperty("port", ports);
        return new LoopbackPrometheusReporterFactory().createMetricReporter(properties);
    }

    /** The local addresses listening on a TCP port, from /proc/net/tcp and tcp6 (IPv4-mapped shown as IPv4). */
    private static List<String> listeningAddresses(int port) throws IOException {
        String hexPort = String.format(Locale.ROOT, "%04X", port);
        List<String> addresses = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            List<String> lines = Files.readAllLines(Path.of(table));
            for (String line : lines.subList(1, lines.size())) {
                String[] fields = line.trim().split("\\s+");
                String[] local = fields[1].split(":");
                if (local[1].equals(hexPort) && fields[3].equals("0A")) {
                    addresses.add(decode(local[0]));
                }
            }
        }
        return addresses;
    }

    /** The kernel prints addresses as little-endian 32-bit words; an IPv4-mapped IPv6 address ends in the IPv4 one. */
    private static String decode(String hex) {
        String last = hex.substring(hex.length() - 8);
        boolean ipv4 = hex.length() == 8 || hex.startsWith("0000000000000000FFFF0000");
        if (!ipv4) {
            return hex;
        }
        return Integer.parseInt(last.substring(6, 8), 16) + "." + Integer.parseInt(last.substring(4, 6), 16) + "."
                + Integer.parseInt(last.substring(2, 4), 16) + "." + Integer.parseInt(last.substring(0, 2), 16);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
