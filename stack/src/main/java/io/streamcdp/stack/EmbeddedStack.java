package io.streamcdp.stack;

import io.streamcdp.config.StreamCdpConfig;
import io.streamcdp.config.StreamCdpOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/**
 * The servers streamcdp needs, started by the project itself on 127.0.0.1: PostgreSQL (CRM,
 * orders, clickstream and the Iceberg catalog), MariaDB (helpdesk) and Kafka. Ports come from
 * the configuration, 0 meaning a free one; {@link #config()} has the ports actually used.
 * Closing stops every server and deletes their data, replication slots included; a shutdown
 * hook does the same on Ctrl-C.
 */
public final class EmbeddedStack implements AutoCloseable {

    static final String ICEBERG_CATALOG_DATABASE = "iceberg_catalog";

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final Path runDir;
    private final Path logDir;
    private final Thread shutdownHook = new Thread(this::stopAll, "streamcdp-stack-shutdown");
    private StreamCdpConfig config;

    private EmbeddedStack(Path runDir, Path logDir) {
        this.runDir = runDir;
        this.logDir = logDir;
    }

    public static EmbeddedStack start(StreamCdpConfig requested, Consumer<String> progress) {
        Path logDir = requested.path(StreamCdpOptions.WORK_DIR).resolve("logs");
        EmbeddedStack stack = new EmbeddedStack(Host.createRunDirectory(), logDir);
        Runtime.getRuntime().addShutdownHook(stack.shutdownHook);
        try {
            stack.startServers(requested, progress);
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void startServers(StreamCdpConfig requested, Consumer<String> progress) {
        resetLogs();
        String user = requested.get(StreamCdpOptions.POSTGRES_USERNAME);
        String password = requested.get(StreamCdpOptions.POSTGRES_PASSWORD);

        // Kafka's JVM starts slowest: launch it first and wait for it last.
        int kafkaPort = Host.portOrFree(port(requested.get(StreamCdpOptions.KAFKA_BOOTSTRAP_SERVERS)));
        EmbeddedKafka kafka = track(EmbeddedKafka.launch(runDir, logDir, kafkaPort, Host.portOrFree(0)));

        EmbeddedPostgres postgres = track(EmbeddedPostgres.start(runDir, logDir,
                Host.portOrFree(requested.get(StreamCdpOptions.POSTGRES_PORT)), user, password));
        EmbeddedPostgres.createDatabases(postgres.jdbcUrl("postgres"), user, password, List.of(
                requested.get(StreamCdpOptions.POSTGRES_CRM_DATABASE),
                requested.get(StreamCdpOptions.POSTGRES_ORDERS_DATABASE),
                requested.get(StreamCdpOptions.POSTGRES_CLICKSTREAM_DATABASE),
                requested.get(StreamCdpOptions.POSTGRES_CMS_DATABASE),
                requested.get(StreamCdpOptions.POSTGRES_TARGETING_DATABASE),
                requested.get(StreamCdpOptions.POSTGRES_FEATURES_DATABASE),
                ICEBERG_CATALOG_DATABASE));
        progress.accept("PostgreSQL ready on 127.0.0.1:" + postgres.port() + " (wal_level=logical)");

        EmbeddedMariaDb mariadb = track(EmbeddedMariaDb.start(runDir, logDir,
                Host.portOrFree(requested.get(StreamCdpOptions.MYSQL_PORT))));
        mariadb.createUserAndDatabases(requested.get(StreamCdpOptions.MYSQL_USERNAME),
                requested.get(StreamCdpOptions.MYSQL_PASSWORD),
                List.of(requested.get(StreamCdpOptions.MYSQL_HELPDESK_DATABASE)));
        progress.accept("MariaDB ready on 127.0.0.1:" + mariadb.port() + " (binlog_format=ROW)");

        kafka.awaitReady();
        progress.accept("Kafka ready on " + kafka.bootstrapServers() + " (KRaft)");

        config = requested
                .with(StreamCdpOptions.POSTGRES_HOSTNAME, "127.0.0.1")
                .with(StreamCdpOptions.POSTGRES_PORT, postgres.port())
                .with(StreamCdpOptions.MYSQL_HOSTNAME, "127.0.0.1")
                .with(StreamCdpOptions.MYSQL_PORT, mariadb.port())
                .with(StreamCdpOptions.KAFKA_BOOTSTRAP_SERVERS, kafka.bootstrapServers())
                .with(StreamCdpOptions.ICEBERG_JDBC_URL, postgres.jdbcUrl(ICEBERG_CATALOG_DATABASE))
                .with(StreamCdpOptions.ICEBERG_JDBC_USERNAME, user)
                .with(StreamCdpOptions.ICEBERG_JDBC_PASSWORD, password);
        for (Database database : Database.values()) {
            database.createSchema(config);
        }
    }

    /** The configuration of the running stack: every endpoint with its real port. */
    public StreamCdpConfig config() {
        return config;
    }

    /** Where the servers' logs are. */
    public Path logDirectory() {
        return logDir;
    }

    private <T extends AutoCloseable> T track(T server) {
        started.push(server);
        return server;
    }

    private void resetLogs() {
        try {
            Host.deleteRecursively(logDir);
            Files.createDirectories(logDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the log directory " + logDir, e);
        }
    }

    private static int port(String hostAndPort) {
        return Integer.parseInt(hostAndPort.substring(hostAndPort.lastIndexOf(':') + 1));
    }

    private synchronized void stopAll() {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                System.err.println("streamcdp: could not stop a server cleanly: " + e.getMessage());
            }
        }
        Host.deleteRecursively(runDir);
    }

    @Override
    public void close() {
        stopAll();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // Already in shutdown: the hook is running or has run.
        }
    }
}
