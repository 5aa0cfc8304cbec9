package io.streamcdp.catalog;

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
    static final List<String> DEFINITIONS = List.of(
            "functions.sql", "sources.sql", "serving.sql", "history.sql", "topics.sql", "activation.sql");

    private CatalogInstaller() {}

    public static void install(TableEnvironment tableEnv, StreamCdpConfig config) {
        Map<String, String> values = config.asStrings();
        for (String file : DEFINITIONS) {
            SqlScript script = SqlScript.fromClasspath("streamcdp/catalog/" + file);
            for (String statement : script.statements(values)) {
                tableEnv.executeSql(statement);
            }
        }
        tableEnv.useCatalog("default_catalog");
        tableEnv.useDatabase("default_database");
    }
}
