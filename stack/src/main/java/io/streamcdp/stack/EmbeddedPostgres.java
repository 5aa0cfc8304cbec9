package io.streamcdp.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;

/** PostgreSQL with logical decoding (wal_level=logical) on 127.0.0.1, its data in a run directory. */
final class EmbeddedPostgres implements AutoCloseable {

    private final Path home;
    private final Path data;
    private final Path log;
    private final int port;
    private final ServerProcess server;

    private EmbeddedPostgres(Path home, Path data, Path log, int port, ServerProcess server) {
        this.home = home;
        this.data = data;
        this.log = log;
        this.port = port;
        this.server = server;
    }

    static EmbeddedPostgres start(Path runDir, Path logDir, int port, String superuser, String password) {
        Path home = Binaries.postgres();
        Path dir = runDir.resolve("postgres");
        Path data = dir.resolve("data");
        Path log = logDir.resolve("postgres.log");
        try {
            Files.createDirectories(data);
            Files.writeString(dir.resolve("pwfile"), password + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Host.handOver(dir);
        Map<String, String> env = Map.of("LC_ALL", "C", "TZ", "UTC");
        ServerProcess.run("initdb", command(home, "initdb", "-D", data.toString(), "-U", superuser,
                        "--pwfile=" + dir.resolve("pwfile"), "--auth=scram-sha-256", "-E", "UTF8", "--no-locale"),
                env, log, Duration.ofMinutes(2));
        ServerProcess server = ServerProcess.start("PostgreSQL", command(home, "postgres", "-D", data.toString(),
                "-p", String.valueOf(port),
                "-c", "listen_addresses=127.0.0.1",
                "-c", "unix_socket_directories=" + dir,
                "-c", "wal_level=logical",
                "-c", "max_replication_slots=64",
                "-c", "max_wal_senders=64",
                "-c", "max_connections=300",
                // The demo and the benchmark report freshness from the source commit time.
                "-c", "track_commit_timestamp=on",
                "-c", "timezone=UTC",
                // Throwaway data: durability on disk buys nothing here.
                "-c", "fsync=off",
                "-c", "full_page_writes=off"), env, log);
        EmbeddedPostgres postgres = new EmbeddedPostgres(home, data, log, port, server);
        server.awaitPort(port, Duration.ofSeconds(60));
        Awaitility.await("PostgreSQL to accept connections")
                .atMost(Duration.ofSeconds(30))
                .ignoreExceptions()
                .until(() -> {
                    try (Connection ignored = DriverManager.getConnection(postgres.jdbcUrl("postgres"), superuser, password)) {
                        return true;
                    }
                });
        return postgres;
    }

    int port() {
        return port;
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    static void createDatabases(String jdbcUrl, String user, String password, List<String> databases) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
                var statement = connection.createStatement()) {
            for (String database : databases) {
                statement.execute("CREATE DATABASE " + database);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the source databases", e);
        }
    }

    @Override
    public void close() {
        // A fast shutdown disconnects CDC clients instead of waiting for them (SIGTERM would).
        List<String> stop = command(home, "pg_ctl", "-D", data.toString(), "stop", "-m", "fast", "-w");
        try {
            ServerProcess.run("pg_ctl stop", stop, Map.of(), log, Duration.ofSeconds(30));
        } catch (IllegalStateException e) {
            server.stop(Duration.ofSeconds(5));
            return;
        }
        server.awaitExit(Duration.ofSeconds(10));
    }

    private static List<String> command(Path home, String program, String... args) {
        List<String> command = new ArrayList<>(Host.unprivileged());
        command.add(home.resolve("bin").resolve(program).toString());
        command.addAll(List.of(args));
        return command;
    }
}
