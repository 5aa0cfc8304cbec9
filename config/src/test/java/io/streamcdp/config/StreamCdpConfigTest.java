package io.streamcdp.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamCdpConfigTest {

    @TempDir
    Path dir;

    @Test
    void defaultsPointAtTheEmbeddedStack() {
        StreamCdpConfig config = StreamCdpConfig.load(Map.of());
        assertThat(config.get(StreamCdpOptions.POSTGRES_HOSTNAME)).isEqualTo("127.0.0.1");
        assertThat(config.get(StreamCdpOptions.POSTGRES_PORT)).isEqualTo(15432);
        assertThat(config.get(StreamCdpOptions.CHECKPOINT_INTERVAL)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void environmentOverridesTheFileWhichOverridesDefaults() throws Exception {
        Path file = dir.resolve("streamcdp.properties");
        Files.writeString(file, "postgres.hostname=orders-db.internal\npostgres.port=5432\n");
        StreamCdpConfig config = StreamCdpConfig.load(Map.of(
                "STREAMCDP_CONFIG", file.toString(),
                "STREAMCDP_POSTGRES_PORT", "6432",
                "STREAMCDP_CHECKPOINT_INTERVAL", "5 s"));
        assertThat(config.get(StreamCdpOptions.POSTGRES_HOSTNAME)).isEqualTo("orders-db.internal");
        assertThat(config.get(StreamCdpOptions.POSTGRES_PORT)).isEqualTo(6432);
        assertThat(config.get(StreamCdpOptions.CHECKPOINT_INTERVAL)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void namesTheVariableOfEachOption() {
        assertThat(StreamCdpConfig.environmentVariable(StreamCdpOptions.KAFKA_BOOTSTRAP_SERVERS))
                .isEqualTo("STREAMCDP_KAFKA_BOOTSTRAP_SERVERS");
        assertThat(StreamCdpConfig.environmentVariable(StreamCdpOptions.POSTGRES_CRM_DATABASE))
                .isEqualTo("STREAMCDP_POSTGRES_CRM_DATABASE");
    }

    @Test
    void rejectsAnUnknownOptionInTheFile() throws Exception {
        Path file = dir.resolve("typo.properties");
        Files.writeString(file, "postgres.hots=db\n");
        assertThatThrownBy(() -> StreamCdpConfig.load(Map.of("STREAMCDP_CONFIG", file.toString())))
                .hasMessageContaining("postgres.hots");
    }

    @Test
    void resolvesRelativePathsOnceAndWritesBackWhatItRead() throws Exception {
        StreamCdpConfig config = StreamCdpConfig.defaults().with(StreamCdpOptions.PAIMON_WAREHOUSE, "warehouses/paimon");
        assertThat(config.path(StreamCdpOptions.PAIMON_WAREHOUSE)).isAbsolute();
        assertThat(config.uri(StreamCdpOptions.PAIMON_WAREHOUSE)).startsWith("file:///").endsWith("/warehouses/paimon");

        Path file = dir.resolve("written.properties");
        config.with(StreamCdpOptions.MYSQL_PORT, 3307).writeTo(file);
        StreamCdpConfig reread = StreamCdpConfig.load(Map.of("STREAMCDP_CONFIG", file.toString()));
        assertThat(reread.asStrings()).isEqualTo(config.with(StreamCdpOptions.MYSQL_PORT, 3307).asStrings());
    }
}
