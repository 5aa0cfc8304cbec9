package io.streamcdp.jobs.segments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.types.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SegmentMembershipTest {

    private static final long DAY = 86_400_000L;
    private static final long APRIL_6 = Instant.parse("2026-04-06T00:00:00Z").toEpochMilli();

    private KeyedOneInputStreamOperatorTestHarness<Tuple2<String, String>, SegmentWindow, Row> harness;

    @BeforeEach
    void open() throws Exception {
        harness = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(new SegmentMembership()),
                window -> Tuple2.of(window.segment, window.userId), Types.TUPLE(Types.STRING, Types.STRING));
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void entersOnceAndExitsWhenTheQualifyingWindowPasses() throws Exception {
        harness.processElement(window("u1", APRIL_6, false, APRIL_6 + 1_000), 0);
        harness.processElement(window("u1", APRIL_6, true, APRIL_6 + 2_000), 0);
        // More events in the same window: still the same stay.
        harness.processElement(window("u1", APRIL_6, true, APRIL_6 + 3_000), 0);
        harness.processWatermark(APRIL_6 + DAY - 1);
        assertThat(changes()).containsExactly("entered u1 at 2026-04-06T00:00:02Z QUALIFIED");

        harness.processWatermark(APRIL_6 + DAY);
        assertThat(changes()).containsExactly("entered u1 at 2026-04-06T00:00:02Z QUALIFIED",
                "exited u1 at 2026-04-07T00:00:00Z WINDOW_PASSED");
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void staysWhileANewerWindowQualifiesBeforeTheOldOnePasses() throws Exception {
        harness.processElement(window("u1", APRIL_6, true, APRIL_6 + 1_000), 0);
        // An event of the next day, within the allowed lateness of the watermark.
        harness.processElement(window("u1", APRIL_6 + DAY, true, APRIL_6 + DAY + 60_000), 0);
        harness.processWatermark(APRIL_6 + DAY);
        assertThat(changes()).containsExactly("entered u1 at 2026-04-06T00:00:01Z QUALIFIED");

        harness.processWatermark(APRIL_6 + 2 * DAY);
        assertThat(changes()).containsExactly("entered u1 at 2026-04-06T00:00:01Z QUALIFIED",
                "exited u1 at 2026-04-08T00:00:00Z WINDOW_PASSED");
        assertThat(harness.numKeyedStateEntries()).isZero();
    }

    @Test
    void exitsWhenTheQualifyingWindowStopsQualifying() throws Exception {
        harness.processWatermark(APRIL_6 + 3_600_000);
        harness.processElement(window("a1", APRIL_6, true, APRIL_6 + 1_000), 0);
        // Identity resolution moved a1's events to a known user: the window no longer qualifies.
        harness.processElement(window("a1", APRIL_6, false, APRIL_6 + 1_000), 0);
        assertThat(changes()).containsExactly("entered a1 at 2026-04-06T00:00:01Z QUALIFIED",
                "exited a1 at 2026-04-06T01:00:00Z NO_LONGER_QUALIFIES");
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void aWindowThatHasAlreadyPassedMakesNoOneAMember() throws Exception {
        harness.processWatermark(APRIL_6 + DAY);
        harness.processElement(window("u1", APRIL_6, true, APRIL_6 + 1_000), 0);
        assertThat(changes()).isEmpty();
        assertThat(harness.numKeyedStateEntries()).isZero();
    }

    @Test
    void keepsNothingForUsersWhoNeverQualify() throws Exception {
        harness.processElement(window("u2", APRIL_6, false, APRIL_6 + 1_000), 0);
        harness.processElement(window("u3", APRIL_6, false, APRIL_6 + 2_000), 0);
        assertThat(changes()).isEmpty();
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    private List<String> changes() {
        return harness.extractOutputValues().stream()
                .map(change -> change.getField(2) + " " + change.getField(1) + " at " + change.getField(3) + " "
                        + change.getField(4))
                .toList();
    }

    private static SegmentWindow window(String user, long start, boolean qualifies, long lastEventAt) {
        return new SegmentWindow("high_intent_buyers", user, start, start + DAY, qualifies, lastEventAt);
    }
}
