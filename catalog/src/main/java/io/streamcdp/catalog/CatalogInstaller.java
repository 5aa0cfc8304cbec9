package io.streamcdp.catalog;

import io.streamcdp.config.StreamCdpConfig;
import java.util.List;
import java.util.Map;
import org.apache.flink.table.api.TableEnvironment;

/**
 * Registers every catalog, table and function of streamcdp in a table environment, from the
 * definitions in {@code catalog/tables/}. Jobs, tests and SQL Gateway sessions all call this, so
 * a table is defined exactly once.
 */
public final class CatalogInstaller {

    /** In dependency order: functions and sources first, then what reads or writes them. */
    public static final List<String> DEFINITIONS = List.of(
            "functions.sql", "sources.sql", "serving.sql", "history.sql", "topics.sql", "activation.sql");
    /**
     * The definitions that reach no server when they are installed: the functions, the CDC
     * source tables and the Paimon serving tables (the Iceberg catalog connects to its
     * database at once). Enough for pipeline tests that bring their own sources.
     */
    public static final List<String> WITHOUT_SERVERS = List.of("functions.sql", "sources.sql", "serving.sql");

    private CatalogInstaller() {}

    public static void install(TableEnvironment tableEnv, StreamCdpConfig config) {
        install(tableEnv, config, DEFINITIONS);
    }

    /** Installs some of the definitions of {@code catalog/tables/}, in the given order. */
    public static void install(TableEnvironment tableEnv, StreamCdpConfig config, List<String> definitions) {
        Map<String, String> values = config.asStrings();
        for (String file : definitions) {
            SqlScript script = SqlScript.fromClasspath("streamcdp/catalog/" + file);
            for (String statement : script.statements(values)) {
                tableEnv.executeSql(statement);
            }
        }
        tableEnv.useCatalog("default_catalog");
        tableEnv.useDatabase("default_database");
    }
}
