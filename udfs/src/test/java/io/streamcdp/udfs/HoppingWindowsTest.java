package io.streamcdp.udfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.types.Row;
import org.apache.flink.util.Collector;
import org.junit.jupiter.api.Test;

class HoppingWindowsTest {

    private final List<String> windows = new ArrayList<>();
    private final HoppingWindows hop = new HoppingWindows();

    HoppingWindowsTest() {
        hop.setCollector(new Collector<>() {
            @Override
            public void collect(Row window) {
                windows.add(window.getField(0) + "/" + window.getField(1));
            }

            @Override
            public void close() {}
        });
    }

    @Test
    void anInstantFallsInSizeOverSlideWindows() {
        hop.eval(Instant.parse("2026-04-06T10:20:00Z"), Duration.ofMinutes(15), Duration.ofHours(2));
        // Eight 2-hour windows starting every 15 minutes; the last starts at 10:15.
        assertThat(windows).containsExactly(
                "2026-04-06T08:30/2026-04-06T10:30", "2026-04-06T08:45/2026-04-06T10:45",
                "2026-04-06T09:00/2026-04-06T11:00", "2026-04-06T09:15/2026-04-06T11:15",
                "2026-04-06T09:30/2026-04-06T11:30", "2026-04-06T09:45/2026-04-06T11:45",
                "2026-04-06T10:00/2026-04-06T12:00", "2026-04-06T10:15/2026-04-06T12:15");
    }

    @Test
    void anInstantOnABoundaryStartsAWindowAndLeavesTheOneEndingThere() {
        hop.eval(Instant.parse("2026-04-06T10:30:00Z"), Duration.ofMinutes(15), Duration.ofHours(2));
        assertThat(windows).hasSize(8).first().isEqualTo("2026-04-06T08:45/2026-04-06T10:45");
        assertThat(windows).last().isEqualTo("2026-04-06T10:30/2026-04-06T12:30");
    }

    @Test
    void sizeMustBeAMultipleOfTheSlide() {
        assertThatThrownBy(() -> hop.eval(Instant.EPOCH, Duration.ofMinutes(7), Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("multiple of its slide");
    }
}
