package io.streamcdp.serving;

import io.streamcdp.config.StreamCdpConfig;
import io.streamcdp.config.StreamCdpOptions;
import org.apache.paimon.catalog.Catalog;
import org.apache.paimon.catalog.CatalogContext;
import org.apache.paimon.catalog.CatalogFactory;
import org.apache.paimon.options.Options;

/** The Paimon warehouse of the serving tables, opened with Paimon's own API (no Flink). */
public final class PaimonWarehouse {

    private PaimonWarehouse() {}

    /** A catalog over {@code paimon.warehouse}; the caller closes it. */
    public static Catalog open(StreamCdpConfig config) {
        Options options = new Options();
        options.set("warehouse", config.uri(StreamCdpOptions.PAIMON_WAREHOUSE));
        return CatalogFactory.createCatalog(CatalogContext.create(options));
    }
}
