package io.streamcdp.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.GlobalConfiguration;

/**
 * Flink's SQL Gateway in its own JVM, with its REST endpoint, submitting the queries of its
 * sessions to a session cluster. It reads the same configuration directory as the cluster.
 */
public final class FlinkSqlGateway implements AutoCloseable {

    private static final ConfigOption<String> ADDRESS =
            ConfigOptions.key("sql-gateway.endpoint.rest.address").stringType().defaultValue("127.0.0.1");
    private static final ConfigOption<Integer> PORT =
            ConfigOptions.key("sql-gateway.endpoint.rest.port").intType().defaultValue(8083);
    private static final Duration STARTUP = Duration.ofMinutes(2);

    private final ServerProcess process;
    private final URI restAddress;

    private FlinkSqlGateway(ServerProcess process, URI restAddress) {
        this.process = process;
        this.restAddress = restAddress;
    }

    /** Starts the gateway and returns once its REST endpoint answers. */
    public static FlinkSqlGateway start(Path confDir, Map<String, String> dynamicOptions, Path logDir) {
        Configuration configuration =
                GlobalConfiguration.loadConfiguration(confDir.toString(), Configuration.fromMap(dynamicOptions));
        List<String> arguments = new ArrayList<>();
        dynamicOptions.forEach((key, value) -> arguments.add("-D" + key + "=" + value));
        ServerProcess process = ServerProcess.start("flink-sql-gateway",
                FlinkDistribution.command(configuration, confDir, logDir.resolve("flink-sql-gateway.log"), List.of("-Xmx1g"),
                        "org.apache.flink.table.gateway.SqlGateway", arguments),
                Map.of("FLINK_CONF_DIR", confDir.toString()), logDir.resolve("flink-sql-gateway.out"));
        FlinkSqlGateway gateway = new FlinkSqlGateway(process, restAddress(configuration));
        try {
            gateway.awaitReady();
            return gateway;
        } catch (RuntimeException e) {
            gateway.close();
            throw e;
        }
    }

    /** The REST endpoint, http://127.0.0.1:port. */
    public URI restAddress() {
        return restAddress;
    }

    /** The Flink JDBC driver's URL of this gateway, with the given catalog and database as the default. */
    public String jdbcUrl(String catalog, String database) {
        return jdbcUrl(restAddress, catalog, database);
    }

    /** The JDBC URL of the gateway a Flink configuration names (sql-gateway.endpoint.rest.*). */
    public static String jdbcUrl(Configuration flinkConf, String catalog, String database) {
        return jdbcUrl(restAddress(flinkConf), catalog, database);
    }

    private static String jdbcUrl(URI restAddress, String catalog, String database) {
        return "jdbc:flink://" + restAddress.getHost() + ":" + restAddress.getPort() + "/" + catalog + "/" + database;
    }

    private static URI restAddress(Configuration flinkConf) {
        return URI.create("http://" + flinkConf.get(ADDRESS) + ":" + flinkConf.get(PORT));
    }

    public long pid() {
        return process.pid();
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest info = HttpRequest.newBuilder(restAddress.resolve("/v1/info")).build();
        process.awaitCondition(() -> {
            try {
                return http.send(info, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException e) {
                return false;
            }
        }, STARTUP, "to answer on " + restAddress);
    }

    @Override
    public void close() {
        process.stop(Duration.ofSeconds(30));
    }
}
