package io.streamcdp.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** MariaDB with a ROW binlog (what MySQL CDC reads) on 127.0.0.1, standing in for MySQL. */
final class EmbeddedMariaDb implements AutoCloseable {

    private final int port;
    private final ServerProcess server;

    private EmbeddedMariaDb(int port, ServerProcess server) {
        this.port = port;
        this.server = server;
    }

    static EmbeddedMariaDb start(Path runDir, Path logDir, int port) {
        Path home = Binaries.mariadb();
        Path dir = runDir.resolve("mariadb");
        Path data = dir.resolve("data");
        Path log = logDir.resolve("mariadb.log");
        try {
            Files.createDirectories(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> env = Map.of("LD_LIBRARY_PATH", home.resolve("libs").toString(), "TZ", "UTC");
        List<String> install = new ArrayList<>(List.of(home.resolve("scripts/mariadb-install-db").toString(),
                "--no-defaults", "--basedir=" + home, "--datadir=" + data,
                "--auth-root-authentication-method=normal", "--skip-test-db", "--skip-name-resolve"));
        install.addAll(runAsRoot());
        ServerProcess.run("mariadb-install-db", install, env, log, Duration.ofMinutes(2));

        List<String> command = new ArrayList<>(List.of(home.resolve("bin/mariadbd").toString(),
                "--no-defaults", "--basedir=" + home, "--datadir=" + data,
                "--port=" + port, "--bind-address=127.0.0.1",
                "--socket=" + dir.resolve("mariadb.sock"), "--pid-file=" + dir.resolve("mariadb.pid"),
                "--log-bin=" + data.resolve("binlog"), "--binlog-format=ROW", "--binlog-row-image=FULL",
                "--server-id=1", "--skip-name-resolve", "--default-time-zone=+00:00",
                "--character-set-server=utf8mb4", "--innodb-buffer-pool-size=64M",
                "--innodb-flush-log-at-trx-commit=2"));
        command.addAll(runAsRoot());
        ServerProcess server = ServerProcess.start("MariaDB", command, env, log);
        server.awaitPort(port, Duration.ofSeconds(60));
        return new EmbeddedMariaDb(port, server);
    }

    /** mariadbd refuses to run as root unless told to; as an ordinary user it runs as that user. */
    private static List<String> runAsRoot() {
        return Host.isRoot() ? List.of("--user=root") : List.of();
    }

    int port() {
        return port;
    }

    /** Creates the application user (with the binlog privileges CDC needs) and its databases. */
    void createUserAndDatabases(String user, String password, List<String> databases) {
        String root = "jdbc:mysql://127.0.0.1:" + port + "/?useSSL=false&allowPublicKeyRetrieval=true";
        try (Connection connection = DriverManager.getConnection(root, "root", "");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE USER '" + user + "'@'%' IDENTIFIED BY '" + password.replace("'", "''") + "'");
            statement.execute("GRANT ALL PRIVILEGES ON *.* TO '" + user + "'@'%'");
            for (String database : databases) {
                statement.execute("CREATE DATABASE " + database);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot prepare MariaDB", e);
        }
    }

    @Override
    public void close() {
        server.stop(Duration.ofSeconds(30));
    }
}
