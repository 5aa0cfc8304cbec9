package io.streamcdp.jobs.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.junit.jupiter.api.Test;

class EventTopicOptionsTest {

    @Test
    void everyPropertiesOptionReachesTheConsumerAndAGroupOfItsOwnWins() {
        EventTopicOptions options = new EventTopicOptions("kafka.user_events", Map.of(
                "topic", "events",
                "properties.bootstrap.servers", "broker:9093",
                "properties.security.protocol", "SASL_SSL",
                "properties.isolation.level", "read_committed",
                "properties.group.id", "cdp-segments",
                "format", "json"));

        assertThat(options.topic()).isEqualTo("events");
        assertThat(options.consumerProperties("streamcdp-segments")).containsOnly(
                Map.entry("bootstrap.servers", "broker:9093"), Map.entry("security.protocol", "SASL_SSL"),
                Map.entry("isolation.level", "read_committed"), Map.entry("group.id", "cdp-segments"));
        assertThat(new EventTopicOptions("t", Map.of()).consumerProperties("streamcdp-segments"))
                .containsOnly(Map.entry("group.id", "streamcdp-segments"));
    }

    @Test
    void theStartupModeSaysWhereAJobWithoutCheckpointStarts() {
        assertThat(startingAt(Map.of("scan.startup.mode", "earliest-offset"))).isEqualTo(OffsetResetStrategy.EARLIEST);
        assertThat(startingAt(Map.of("scan.startup.mode", "latest-offset"))).isEqualTo(OffsetResetStrategy.LATEST);
        // A group's committed offsets, else where properties.auto.offset.reset says (as Kafka: none).
        assertThat(startingAt(Map.of("scan.startup.mode", "group-offsets", "properties.auto.offset.reset", "earliest")))
                .isEqualTo(OffsetResetStrategy.EARLIEST);
        assertThat(startingAt(Map.of("scan.startup.mode", "group-offsets"))).isEqualTo(OffsetResetStrategy.NONE);
        assertThat(startingAt(Map.of("scan.startup.mode", "timestamp", "scan.startup.timestamp-millis", "1775000000000")))
                .isEqualTo(OffsetResetStrategy.LATEST);
    }

    @Test
    void aBadOptionIsNamed() {
        assertThatThrownBy(() -> startingAt(Map.of("scan.startup.mode", "yesterday")))
                .hasMessage("kafka.t: option 'scan.startup.mode' is 'yesterday', not one of earliest-offset, "
                        + "latest-offset, group-offsets, timestamp");
        assertThatThrownBy(() -> startingAt(Map.of("scan.startup.mode", "group-offsets", "properties.auto.offset.reset", "first")))
                .hasMessage("kafka.t: option 'properties.auto.offset.reset' is 'first', not one of earliest, latest, none");
        assertThatThrownBy(() -> new EventTopicOptions("kafka.t", Map.of()).topic())
                .hasMessage("kafka.t needs the option 'topic'");
    }

    private static OffsetResetStrategy startingAt(Map<String, String> options) {
        return new EventTopicOptions("kafka.t", options).startingOffsets().getAutoOffsetResetStrategy();
    }
}
