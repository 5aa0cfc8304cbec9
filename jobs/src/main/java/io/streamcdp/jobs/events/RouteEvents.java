package io.streamcdp.jobs.events;

import java.time.Instant;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.types.Row;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Sends parsed events on, and everything else to the dead letters: records the parser rejected,
 * and events older than the watermark, which trails the newest event time by the allowed
 * lateness. Such an event would be dropped silently by the windows downstream; here it is kept.
 */
public class RouteEvents extends ProcessFunction<Row, Row> {

    private final String source;
    private final OutputTag<Row> deadLetters;
    private final int eventTimeField;

    public RouteEvents(String source, OutputTag<Row> deadLetters, int eventTimeField) {
        this.source = source;
        this.deadLetters = deadLetters;
        this.eventTimeField = eventTimeField;
    }

    @Override
    public void processElement(Row envelope, Context ctx, Collector<Row> out) {
        Instant now = Instant.ofEpochMilli(ctx.timerService().currentProcessingTime());
        Row event = (Row) envelope.getField(EventEnvelope.EVENT);
        String payload = (String) envelope.getField(EventEnvelope.PAYLOAD);
        if (event == null) {
            ctx.output(deadLetters, DeadLetters.row(source, (String) envelope.getField(EventEnvelope.ERROR),
                    (String) envelope.getField(EventEnvelope.DETAIL), payload, null, now));
            return;
        }
        Instant eventTime = (Instant) event.getField(eventTimeField);
        long watermark = ctx.timerService().currentWatermark();
        if (eventTime.toEpochMilli() < watermark) {
            ctx.output(deadLetters, DeadLetters.row(source, InvalidEventException.Error.LATE.name(),
                    "event_time " + eventTime + " is behind the watermark " + Instant.ofEpochMilli(watermark)
                            + " (newest event time minus the allowed lateness)", payload, eventTime, now));
            return;
        }
        out.collect(event);
    }
}
