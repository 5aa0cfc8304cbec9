package io.streamcdp.config;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;

/**
 * The effective configuration: {@link StreamCdpOptions} defaults, overridden by a properties
 * file, overridden by environment variables. An option {@code postgres.port} is read from the
 * variable {@code STREAMCDP_POSTGRES_PORT}; the file is named by {@code STREAMCDP_CONFIG}.
 */
public final class StreamCdpConfig {

    public static final String CONFIG_FILE_VARIABLE = "STREAMCDP_CONFIG";
    private static final String ENV_PREFIX = "STREAMCDP_";

    private final Configuration values;

    private StreamCdpConfig(Configuration values) {
        this.values = values;
    }

    /** Defaults only: the embedded stack's endpoints. */
    public static StreamCdpConfig defaults() {
        return new StreamCdpConfig(new Configuration());
    }

    /** Defaults, then the file named by {@code STREAMCDP_CONFIG} (if any), then the environment. */
    public static StreamCdpConfig fromEnvironment() {
        return load(System.getenv());
    }

    static StreamCdpConfig load(Map<String, String> environment) {
        Configuration values = new Configuration();
        String file = environment.get(CONFIG_FILE_VARIABLE);
        if (file != null && !file.isBlank()) {
            Map<String, String> properties = readProperties(Path.of(file));
            for (String key : properties.keySet()) {
                if (StreamCdpOptions.ALL.stream().noneMatch(option -> option.key().equals(key))) {
                    throw new IllegalArgumentException("Unknown option '" + key + "' in " + file
                            + "; the options are listed in docs/configuration.md");
                }
            }
            values.addAll(Configuration.fromMap(properties));
        }
        for (ConfigOption<?> option : StreamCdpOptions.ALL) {
            String value = environment.get(environmentVariable(option));
            if (value != null) {
                values.setString(option.key(), value);
            }
        }
        return new StreamCdpConfig(values);
    }

    /** The environment variable that overrides an option. */
    public static String environmentVariable(ConfigOption<?> option) {
        return ENV_PREFIX + option.key().replaceAll("[.-]", "_").toUpperCase(Locale.ROOT);
    }

    public <T> T get(ConfigOption<T> option) {
        return values.get(option);
    }

    /** A copy with one option changed. */
    public <T> StreamCdpConfig with(ConfigOption<T> option, T value) {
        Configuration copy = new Configuration(values);
        copy.set(option, value);
        return new StreamCdpConfig(copy);
    }

    /** Every option's effective value as text, for SQL templates and for writing a properties file. */
    public Map<String, String> asStrings() {
        Map<String, String> all = new LinkedHashMap<>();
        for (ConfigOption<?> option : StreamCdpOptions.ALL) {
            all.put(option.key(), stringValue(option));
        }
        return all;
    }

    private String stringValue(ConfigOption<?> option) {
        Object value = values.get(option);
        if (value instanceof java.time.Duration duration) {
            return duration.toMillis() + " ms";
        }
        String text = String.valueOf(value);
        // Relative paths are resolved once here so every component sees the same directory.
        if (isPathOption(option) && !text.contains("://")) {
            String absolute = Path.of(text).toAbsolutePath().normalize().toString();
            // Storage locations as URIs: Iceberg records them in its metadata, and Trino reads
            // a file only through a scheme it knows.
            return option == StreamCdpOptions.WORK_DIR ? absolute : "file://" + absolute;
        }
        return text;
    }

    private static boolean isPathOption(ConfigOption<?> option) {
        return option == StreamCdpOptions.PAIMON_WAREHOUSE
                || option == StreamCdpOptions.ICEBERG_WAREHOUSE
                || option == StreamCdpOptions.CHECKPOINT_DIR
                || option == StreamCdpOptions.WORK_DIR;
    }

    /** A path option, absolute. */
    public Path path(ConfigOption<String> option) {
        return Path.of(asStrings().get(option.key()).replaceFirst("^file://", ""));
    }

    /** A path option as a URI, as Paimon, Iceberg and Flink's checkpoint storage expect it. */
    public String uri(ConfigOption<String> option) {
        String text = asStrings().get(option.key());
        return text.contains("://") ? text : "file://" + text;
    }

    public void writeTo(Path file) {
        Properties properties = new Properties();
        properties.putAll(asStrings());
        try (var out = Files.newBufferedWriter(file)) {
            properties.store(out, "streamcdp configuration (effective values)");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write configuration to " + file, e);
        }
    }

    private static Map<String, String> readProperties(Path file) {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the configuration file " + file
                    + " named by " + CONFIG_FILE_VARIABLE, e);
        }
        Map<String, String> map = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(name -> map.put(name, properties.getProperty(name)));
        return map;
    }
}
