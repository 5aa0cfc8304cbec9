package io.streamcdp.jobs.events;

import java.time.Instant;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.runtime.typeutils.ExternalTypeInfo;
import org.apache.flink.types.Row;
import org.apache.flink.util.OutputTag;

/** Rows of paimon.ops.dead_letters: {@code (source, error, detail, payload, event_time, received_at)}. */
public final class DeadLetters {

    public static final String TABLE = "paimon.ops.dead_letters";

    public static final TypeInformation<Row> TYPE = ExternalTypeInfo.of(DataTypes.ROW(
            DataTypes.FIELD("source", DataTypes.STRING().notNull()),
            DataTypes.FIELD("error", DataTypes.STRING().notNull()),
            DataTypes.FIELD("detail", DataTypes.STRING()),
            DataTypes.FIELD("payload", DataTypes.STRING()),
            DataTypes.FIELD("event_time", DataTypes.TIMESTAMP_LTZ(3)),
            DataTypes.FIELD("received_at", DataTypes.TIMESTAMP_LTZ(3))));

    private DeadLetters() {}

    public static OutputTag<Row> tag(String source) {
        return new OutputTag<>("dead-letters-" + source, TYPE);
    }

    public static Row row(String source, String error, String detail, String payload, Instant eventTime, Instant receivedAt) {
        return Row.of(source, error, detail, payload, eventTime, receivedAt);
    }
}
