package io.streamcdp.jobs.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.catalog.Column;
import org.apache.flink.table.catalog.ResolvedSchema;
import org.apache.flink.table.runtime.typeutils.ExternalTypeInfo;
import org.apache.flink.types.Row;
import org.junit.jupiter.api.Test;

class ParsingDeserializerTest {

    private static final Instant NOW = Instant.parse("2026-04-06T12:00:00Z");
    private static final List<Column> COLUMNS = List.of(
            Column.physical("user_id", DataTypes.STRING().notNull()),
            Column.physical("event_time", DataTypes.TIMESTAMP_LTZ(3).notNull()));

    private final ParsingDeserializer deserializer = new ParsingDeserializer(
            JsonEventParser.forSchema(ResolvedSchema.of(COLUMNS), EventRules.none()),
            ExternalTypeInfo.of(EventEnvelope.type(COLUMNS)), 1, Duration.ofMinutes(15),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void anEventStampedBeyondTheAllowedClockSkewIsRejectedBeforeItCanMoveEventTime() {
        Row withinSkew = envelope("{\"user_id\":\"u1\",\"event_time\":\"2026-04-06T12:14:59Z\"}");
        Row beyond = envelope("{\"user_id\":\"u1\",\"event_time\":\"2099-01-01T00:00:00Z\"}");

        assertThat(withinSkew.getField(EventEnvelope.EVENT)).isEqualTo(Row.of("u1", Instant.parse("2026-04-06T12:14:59Z")));
        assertThat(beyond.getField(EventEnvelope.EVENT)).isNull();
        assertThat(beyond.getField(EventEnvelope.ERROR)).isEqualTo("FUTURE");
        assertThat((String) beyond.getField(EventEnvelope.DETAIL))
                .isEqualTo("event_time 2099-01-01T00:00:00Z is more than PT15M ahead of the clock (events.max-clock-skew)");
    }

    @Test
    void bytesThatAreNotUtf8AreRejected() {
        byte[] latin1 = "{\"user_id\":\"Zoë\",\"event_time\":\"2026-04-06T10:00:00Z\"}".getBytes(StandardCharsets.ISO_8859_1);

        Row envelope = deserializer.envelope(latin1);

        assertThat(envelope.getField(EventEnvelope.ERROR)).isEqualTo("MALFORMED_JSON");
        assertThat(envelope.getField(EventEnvelope.DETAIL)).isEqualTo("not UTF-8 text");
    }

    private Row envelope(String payload) {
        return deserializer.envelope(payload.getBytes(StandardCharsets.UTF_8));
    }
}
