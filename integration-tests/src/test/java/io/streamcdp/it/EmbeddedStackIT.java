package io.streamcdp.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamcdp.config.StreamCdpConfig;
import io.streamcdp.config.StreamCdpOptions;
import io.streamcdp.stack.Database;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The embedded stack: servers set up for CDC, and nothing left behind when its JVM is killed. */
class EmbeddedStackIT {

    @RegisterExtension
    static final EmbeddedStackExtension STACK = new EmbeddedStackExtension();

    @TempDir
    Path workDir;

    @Test
    void serversAreSetUpForChangeCapture() throws Exception {
        StreamCdpConfig config = STACK.config();
        try (Connection postgres = Database.ORDERS.connect(config)) {
            assertThat(single(postgres, "SHOW wal_level")).isEqualTo("logical");
            assertThat(single(postgres, "SELECT relreplident FROM pg_class WHERE relname = 'orders'")).isEqualTo("f");
            assertThat(single(postgres, "SELECT pubname FROM pg_publication_tables WHERE tablename = 'orders'"))
                    .isEqualTo("streamcdp_orders");
        }
        try (Connection mariadb = Database.HELPDESK.connect(config)) {
            assertThat(single(mariadb, "SELECT @@binlog_format")).isEqualTo("ROW");
            assertThat(single(mariadb, "SELECT @@binlog_row_image")).isEqualTo("FULL");
            assertThat(single(mariadb, "SELECT @@bind_address")).isEqualTo("127.0.0.1");
        }
        try (Admin kafka = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                config.get(StreamCdpOptions.KAFKA_BOOTSTRAP_SERVERS)))) {
            assertThat(kafka.describeCluster().nodes().get(30, TimeUnit.SECONDS)).hasSize(1);
        }
    }

    @Test
    void killingItsJvmStopsEveryServer() throws Exception {
        Process child = new ProcessBuilder(javaCommand(StackUntilKilled.class.getName(), workDir.toString()))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        List<Integer> ports;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream()))) {
            String line = out.readLine();
            assertThat(line).as("the child's first line").startsWith("READY ");
            ports = Arrays.stream(line.substring("READY ".length()).split(" ")).map(Integer::valueOf).toList();
        }
        List<ProcessHandle> servers = child.descendants().toList();
        assertThat(servers).hasSizeGreaterThanOrEqualTo(3);
        assertThat(ports).allMatch(EmbeddedStackIT::listening);

        child.destroy(); // SIGTERM runs the JVM's shutdown hooks, as Ctrl-C (SIGINT) does
        assertThat(child.waitFor(90, TimeUnit.SECONDS)).isTrue();

        assertThat(servers).noneMatch(ProcessHandle::isAlive);
        assertThat(ports).noneMatch(EmbeddedStackIT::listening);
    }

    private static List<String> javaCommand(String mainClass, String... args) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new java.util.ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        return command;
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String single(Connection connection, String sql) throws Exception {
        try (ResultSet result = connection.createStatement().executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }
}
