package io.streamcdp.jobs.events;

import io.streamcdp.jobs.RowTypes;
import java.util.List;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.catalog.Column;
import org.apache.flink.table.types.DataType;
import org.apache.flink.types.Row;

/**
 * A record as read from an event topic: {@code (event, error, detail, payload)}, where either
 * {@code event} holds the parsed row or {@code error} names why there is none.
 */
final class EventEnvelope {

    static final int EVENT = 0;
    static final int ERROR = 1;
    static final int DETAIL = 2;
    static final int PAYLOAD = 3;

    private EventEnvelope() {}

    static DataType type(List<Column> eventColumns) {
        return DataTypes.ROW(
                DataTypes.FIELD("event", DataTypes.ROW(RowTypes.fields(eventColumns))),
                DataTypes.FIELD("error", DataTypes.STRING()),
                DataTypes.FIELD("detail", DataTypes.STRING()),
                DataTypes.FIELD("payload", DataTypes.STRING()));
    }

    static Row accepted(Row event, String payload) {
        return Row.of(event, null, null, payload);
    }

    static Row rejected(String error, String detail, String payload) {
        return Row.of(null, error, detail, payload);
    }
}
