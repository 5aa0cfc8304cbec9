package io.streamcdp.jobs.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import io.streamcdp.jobs.events.DeadLetters;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.types.Row;
import org.apache.flink.util.OutputTag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RollingAggregateTest {

    private static final Duration DAY = Duration.ofHours(24);
    private static final OutputTag<Row> DEAD_LETTERS = DeadLetters.tag("metric_events");
    private static final Instant T0 = Instant.parse("2026-04-06T10:00:00Z");

    private KeyedOneInputStreamOperatorTestHarness<String, Row, Row> harness;

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void eventsLeaveTwentyFourHoursAfterTheirTimeOnTheEventClock() throws Exception {
        open(MetricsClock.EVENT_TIME);
        harness.processElement(event("web", "10.00", T0), 0);
        harness.processElement(event("web", "20.00", T0.plusSeconds(3600)), 0);
        harness.processElement(event("web", "5.50", T0.plusSeconds(3600)), 0);
        // Just before the first event's 24 hours are up: all three count.
        harness.processWatermark(T0.plus(DAY).toEpochMilli() - 1);
        assertThat(changes()).containsExactly("+I[web, 1, 10.00, 10.00, 2026-04-06T10:00:00Z]",
                "+U[web, 2, 30.00, 15.00, 2026-04-06T11:00:00Z]", "+U[web, 3, 35.50, 11.83, 2026-04-06T11:00:00Z]");

        // At exactly ts + 24 h the first event is out (ts > NOW() - 24 h no longer holds).
        harness.processWatermark(T0.plus(DAY).toEpochMilli());
        assertThat(changes()).last().isEqualTo("+U[web, 2, 25.50, 12.75, 2026-04-06T11:00:00Z]");

        // Both events of 11:00 leave together; nothing is left: the dimension is deleted.
        harness.processWatermark(T0.plus(DAY).plusSeconds(3600).toEpochMilli());
        assertThat(changes()).last().isEqualTo("-D[web, 2, 25.50, 12.75, 2026-04-06T11:00:00Z]");
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void dimensionsAreIndependent() throws Exception {
        open(MetricsClock.EVENT_TIME);
        harness.processElement(event("web", "1.00", T0), 0);
        harness.processElement(event("app", "2.00", T0.plusSeconds(60)), 0);
        harness.processWatermark(T0.plus(DAY).toEpochMilli());
        assertThat(changes()).containsExactly("+I[web, 1, 1.00, 1.00, 2026-04-06T10:00:00Z]",
                "+I[app, 1, 2.00, 2.00, 2026-04-06T10:01:00Z]", "-D[web, 1, 1.00, 1.00, 2026-04-06T10:00:00Z]");
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);
    }

    @Test
    void theProcessingClockExpiresLiveAndReportsEventsThatArriveTooOld() throws Exception {
        open(MetricsClock.PROCESSING_TIME);
        harness.setProcessingTime(T0.plusSeconds(60).toEpochMilli());
        harness.processElement(event("web", "4.00", T0), 0);
        // An event of the day before yesterday: never in the metrics, kept as a dead letter.
        harness.processElement(event("web", "9.00", T0.minus(DAY.multipliedBy(2))), 0);
        assertThat(harness.getSideOutput(DEAD_LETTERS)).extracting(StreamRecord::getValue)
                .extracting(letter -> letter.getField(1) + ": " + letter.getField(2))
                .containsExactly("LATE: event_time 2026-04-04T10:00:00Z was already outside the rolling window when "
                        + "it arrived (NOW() = 2026-04-06T10:01:00Z)");

        harness.setProcessingTime(T0.plus(DAY).toEpochMilli());
        assertThat(changes()).containsExactly("+I[web, 1, 4.00, 4.00, 2026-04-06T10:00:00Z]",
                "-D[web, 1, 4.00, 4.00, 2026-04-06T10:00:00Z]");
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numProcessingTimeTimers()).isZero();
    }

    private void open(MetricsClock clock) throws Exception {
        harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new RollingAggregate(DAY, clock, 1, 2, "metric_events", DEAD_LETTERS)),
                event -> (String) event.getField(0), Types.STRING);
        harness.open();
    }

    private List<String> changes() {
        return harness.extractOutputValues().stream().map(Row::toString).toList();
    }

    private static Row event(String dimension, String amount, Instant time) {
        return Row.of(dimension, new BigDecimal(amount), time);
    }
}
