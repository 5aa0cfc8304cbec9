package io.streamcdp.jobs.events;

import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/**
 * An event topic's options in the catalog ({@code catalog/tables/topics.sql}) as the Kafka
 * source takes them, with the meaning Flink's Kafka table connector gives them: the topic, every
 * {@code properties.*} key for the consumer (security, {@code group.id}, {@code isolation.level},
 * ...) and {@code scan.startup.mode}, where a job without a checkpoint starts.
 */
final class EventTopicOptions {

    private static final String PROPERTIES = "properties.";
    private static final String STARTUP_MODE = "scan.startup.mode";
    private static final String STARTUP_TIMESTAMP = "scan.startup.timestamp-millis";

    private final String table;
    private final Map<String, String> options;

    EventTopicOptions(String table, Map<String, String> options) {
        this.table = table;
        this.options = options;
    }

    String topic() {
        return required("topic");
    }

    /** Every {@code properties.*} option without its prefix; the group is the job's unless one is set. */
    Properties consumerProperties(String defaultGroup) {
        Properties properties = new Properties();
        options.forEach((key, value) -> {
            if (key.startsWith(PROPERTIES)) {
                properties.setProperty(key.substring(PROPERTIES.length()), value);
            }
        });
        properties.putIfAbsent(ConsumerConfig.GROUP_ID_CONFIG, defaultGroup);
        return properties;
    }

    OffsetsInitializer startingOffsets() {
        String mode = options.getOrDefault(STARTUP_MODE, "group-offsets");
        switch (mode) {
            case "earliest-offset":
                return OffsetsInitializer.earliest();
            case "latest-offset":
                return OffsetsInitializer.latest();
            case "group-offsets":
                return OffsetsInitializer.committedOffsets(resetStrategy());
            case "timestamp":
                try {
                    return OffsetsInitializer.timestamp(Long.parseLong(required(STARTUP_TIMESTAMP)));
                } catch (NumberFormatException e) {
                    throw invalid(STARTUP_TIMESTAMP, "milliseconds since the epoch");
                }
            default:
                throw invalid(STARTUP_MODE, "one of earliest-offset, latest-offset, group-offsets, timestamp");
        }
    }

    /** Where a group without committed offsets starts: {@code properties.auto.offset.reset}, as Kafka reads it. */
    private OffsetResetStrategy resetStrategy() {
        String reset = options.getOrDefault(PROPERTIES + ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
        try {
            return OffsetResetStrategy.valueOf(reset.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid(PROPERTIES + ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "one of earliest, latest, none");
        }
    }

    private String required(String key) {
        String value = options.get(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(table + " needs the option '" + key + "'");
        }
        return value;
    }

    private IllegalArgumentException invalid(String key, String expected) {
        return new IllegalArgumentException(table + ": option '" + key + "' is '" + options.get(key)
                + "', not " + expected);
    }
}
