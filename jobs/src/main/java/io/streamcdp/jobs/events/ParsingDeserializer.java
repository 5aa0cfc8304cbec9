package io.streamcdp.jobs.events;

import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.types.Row;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Parses each Kafka record where it is read, so that watermarks can be generated per partition
 * from event times. Never throws: every record becomes an {@link EventEnvelope} holding either
 * the event or the reason it was rejected.
 */
class ParsingDeserializer implements KafkaRecordDeserializationSchema<Row> {

    private final JsonEventParser parser;
    private final TypeInformation<Row> envelopeType;

    ParsingDeserializer(JsonEventParser parser, TypeInformation<Row> envelopeType) {
        this.parser = parser;
        this.envelopeType = envelopeType;
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<Row> out) {
        String payload = record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8);
        if (payload == null) {
            out.collect(EventEnvelope.rejected(InvalidEventException.Error.MALFORMED_JSON.name(), "empty record", null));
            return;
        }
        try {
            out.collect(EventEnvelope.accepted(parser.parse(payload), payload));
        } catch (InvalidEventException e) {
            out.collect(EventEnvelope.rejected(e.error().name(), e.getMessage(), payload));
        }
    }

    @Override
    public TypeInformation<Row> getProducedType() {
        return envelopeType;
    }
}
