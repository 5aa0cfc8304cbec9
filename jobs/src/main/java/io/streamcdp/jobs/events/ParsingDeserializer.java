package io.streamcdp.jobs.events;

import io.streamcdp.jobs.events.InvalidEventException.Error;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.types.Row;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Parses each Kafka record where it is read, so that watermarks can be generated per partition
 * from event times. Never throws: every record becomes an {@link EventEnvelope} holding either
 * the event or the reason it was rejected. An event stamped further ahead of the clock than
 * the allowed skew is rejected here, before it could move the watermark: one client with a
 * wrong clock would otherwise make every on-time event after it late.
 */
class ParsingDeserializer implements KafkaRecordDeserializationSchema<Row> {

    private final JsonEventParser parser;
    private final TypeInformation<Row> envelopeType;
    private final int eventTimeField;
    private final Duration maxClockSkew;
    private final Clock clock;

    ParsingDeserializer(JsonEventParser parser, TypeInformation<Row> envelopeType, int eventTimeField,
            Duration maxClockSkew, Clock clock) {
        this.parser = parser;
        this.envelopeType = envelopeType;
        this.eventTimeField = eventTimeField;
        this.maxClockSkew = maxClockSkew;
        this.clock = clock;
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<Row> out) {
        out.collect(envelope(record.value()));
    }

    Row envelope(byte[] value) {
        if (value == null) {
            return EventEnvelope.rejected(Error.MALFORMED_JSON.name(), "empty record", null);
        }
        String payload;
        try {
            payload = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(value)).toString();
        } catch (CharacterCodingException e) {
            return EventEnvelope.rejected(Error.MALFORMED_JSON.name(), "not UTF-8 text",
                    new String(value, StandardCharsets.UTF_8));
        }
        try {
            Row event = parser.parse(payload);
            Instant eventTime = (Instant) event.getField(eventTimeField);
            Instant latest = clock.instant().plus(maxClockSkew);
            if (eventTime.isAfter(latest)) {
                return EventEnvelope.rejected(Error.FUTURE.name(), "event_time " + eventTime + " is more than "
                        + maxClockSkew + " ahead of the clock (events.max-clock-skew)", payload);
            }
            return EventEnvelope.accepted(event, payload);
        } catch (InvalidEventException e) {
            return EventEnvelope.rejected(e.error().name(), e.getMessage(), payload);
        }
    }

    @Override
    public TypeInformation<Row> getProducedType() {
        return envelopeType;
    }
}
