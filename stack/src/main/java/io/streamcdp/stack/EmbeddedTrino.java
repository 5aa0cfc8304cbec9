package io.streamcdp.stack;

import io.streamcdp.config.StreamCdpConfig;
import io.streamcdp.config.StreamCdpOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;

/**
 * A single-node Trino (coordinator and worker in one JVM) on 127.0.0.1 with one catalog,
 * {@code iceberg}: streamcdp's Iceberg history, defined by {@code catalog/trino/iceberg.properties}.
 * It runs from the server tarball on Maven Central, unpacked once, on a JDK it finds
 * ({@link TrinoJava}). Closing it stops the process and deletes its data directory.
 */
public final class EmbeddedTrino implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofMinutes(3);

    private final int port;
    private final Path runDir;
    private final ServerProcess server;

    private EmbeddedTrino(int port, Path runDir, ServerProcess server) {
        this.port = port;
        this.runDir = runDir;
        this.server = server;
    }

    /** Starts Trino against the history named by the configuration and waits until it serves. */
    public static EmbeddedTrino start(StreamCdpConfig config, Path logDir) {
        Path java = TrinoJava.executable();
        Path home = Binaries.trino();
        int port = Host.portOrFree(config.get(StreamCdpOptions.TRINO_PORT));
        Path runDir = Host.createRunDirectory().resolve("trino");
        Path etc = runDir.resolve("etc");
        try {
            Files.createDirectories(etc.resolve("catalog"));
            Files.createDirectories(logDir);
            Files.writeString(etc.resolve("config.properties"), String.join("\n",
                    "coordinator=true",
                    "node-scheduler.include-coordinator=true",
                    "http-server.http.port=" + port,
                    "discovery.uri=http://127.0.0.1:" + port,
                    "node.internal-address=127.0.0.1",
                    "node.bind-ip=127.0.0.1",
                    "query.max-memory=512MB",
                    "query.max-memory-per-node=512MB",
                    "plugin.dir=" + home.resolve("plugin"),
                    "catalog.config-dir=" + etc.resolve("catalog"),
                    ""));
            try (InputStream catalog = EmbeddedTrino.class.getClassLoader()
                    .getResourceAsStream("streamcdp/trino/iceberg.properties")) {
                if (catalog == null) {
                    throw new IllegalStateException("streamcdp/trino/iceberg.properties is missing: build catalog/");
                }
                Files.copy(catalog, etc.resolve("catalog/iceberg.properties"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare Trino in " + runDir, e);
        }
        Path log = logDir.resolve("trino.log");
        ServerProcess server = ServerProcess.start("Trino", List.of(java.toString(),
                "-Xmx1g", "-XX:+UseG1GC", "-XX:+ExitOnOutOfMemoryError",
                "-Djdk.attach.allowAttachSelf=true", "-XX:+EnableDynamicAgentLoading", "-Dfile.encoding=UTF-8",
                "-Dnode.environment=streamcdp", "-Dnode.id=streamcdp", "-Dnode.data-dir=" + runDir.resolve("data"),
                "-Dconfig=" + etc.resolve("config.properties"),
                "-cp", home.resolve("lib") + "/*", "io.trino.server.TrinoServer"), environment(config), log);
        EmbeddedTrino trino = new EmbeddedTrino(port, runDir, server);
        try {
            server.awaitLogLine("SERVER STARTED", STARTUP);
            // The node registers with its own scheduler a few seconds after the server starts.
            Awaitility.await("Trino to run queries").atMost(STARTUP).pollInterval(Duration.ofMillis(500))
                    .ignoreExceptions().until(trino::answers);
        } catch (RuntimeException e) {
            trino.close();
            throw e;
        }
        return trino;
    }

    private boolean answers() throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(), "streamcdp", null);
                Statement statement = connection.createStatement()) {
            return statement.execute("SELECT 1");
        }
    }

    /** The catalog file reads the Iceberg catalog's settings from these variables. */
    private static Map<String, String> environment(StreamCdpConfig config) {
        return Map.of(
                "STREAMCDP_ICEBERG_JDBC_URL", config.get(StreamCdpOptions.ICEBERG_JDBC_URL),
                "STREAMCDP_ICEBERG_JDBC_USERNAME", config.get(StreamCdpOptions.ICEBERG_JDBC_USERNAME),
                "STREAMCDP_ICEBERG_JDBC_PASSWORD", config.get(StreamCdpOptions.ICEBERG_JDBC_PASSWORD),
                "STREAMCDP_ICEBERG_WAREHOUSE", config.uri(StreamCdpOptions.ICEBERG_WAREHOUSE));
    }

    public int port() {
        return port;
    }

    /** The Trino JVM's resident memory right now. */
    public long residentMemoryBytes() {
        return server.residentMemoryBytes();
    }

    /** The JDBC URL of the history, for Trino's JDBC driver. */
    public String jdbcUrl() {
        return "jdbc:trino://127.0.0.1:" + port + "/iceberg/history";
    }

    @Override
    public void close() {
        server.stop(Duration.ofSeconds(30));
        Host.deleteRecursively(runDir.getParent());
    }
}
