package io.streamcdp.tools.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamcdp.catalog.CatalogInstaller;
import io.streamcdp.config.StreamCdpConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.catalog.CatalogDescriptor;
import org.apache.flink.table.catalog.GenericInMemoryCatalogStore;
import org.apache.flink.util.FileUtils;

/**
 * The catalogs every SQL Gateway session sees: the project's catalog definitions
 * ({@code catalog/tables/}) are run once, and the catalogs they create are written to a
 * directory that the gateway reads as a file catalog store for each new session. The Paimon
 * and Iceberg catalogs persist this way; temporary definitions (functions, the jobs' CDC and
 * Kafka tables) are not for the gateway.
 */
public final class GatewayCatalogs {

    private static final ObjectMapper JSON = new ObjectMapper();

    private GatewayCatalogs() {}

    /** The gateway options that make its sessions read the store in the given directory. */
    public static Map<String, String> gatewayOptions(Path store) {
        return Map.of("table.catalog-store.kind", "file", "table.catalog-store.file.path", store.toUri().toString());
    }

    /** Replaces the store in the given directory by the catalogs named by the configuration. */
    public static void write(StreamCdpConfig config, Path store) throws IOException {
        GenericInMemoryCatalogStore catalogs = new GenericInMemoryCatalogStore();
        TableEnvironment tableEnv = TableEnvironment.create(
                EnvironmentSettings.newInstance().inBatchMode().withCatalogStore(catalogs).build());
        CatalogInstaller.install(tableEnv, config);

        FileUtils.deleteDirectory(store.toFile());
        Files.createDirectories(store);
        for (String name : catalogs.listCatalogs()) {
            CatalogDescriptor catalog = catalogs.getCatalog(name).orElseThrow();
            Files.write(store.resolve(name + ".yaml"), yaml(catalog.getConfiguration().toMap()));
        }
    }

    /**
     * One {@code key: "value"} line per option, the value a JSON string (also a YAML
     * double-quoted scalar). Not Flink's own FileCatalogStore writer: in 1.20 it writes values
     * YAML-escaped ({@code "'2'"}) and reads them back verbatim, so a number option such as a
     * Paimon bucket count comes back unparseable.
     */
    private static List<String> yaml(Map<String, String> options) throws IOException {
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, String> option : new TreeMap<>(options).entrySet()) {
            lines.add(option.getKey() + ": " + JSON.writeValueAsString(option.getValue()));
        }
        return lines;
    }
}
