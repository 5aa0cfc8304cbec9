package io.streamcdp.udfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class TumblingWindowStartTest {

    private final TumblingWindowStart windowStart = new TumblingWindowStart();

    @Test
    void daysStartAtMidnightUtc() {
        assertThat(windowStart.eval(Instant.parse("2026-03-30T23:59:59.999Z"), Duration.ofDays(1)))
                .isEqualTo(LocalDateTime.parse("2026-03-30T00:00:00"));
        // The window's end belongs to the next window.
        assertThat(windowStart.eval(Instant.parse("2026-03-31T00:00:00Z"), Duration.ofDays(1)))
                .isEqualTo(LocalDateTime.parse("2026-03-31T00:00:00"));
    }

    @Test
    void weeksAreAlignedToTheEpochAndStartOnThursday() {
        assertThat(windowStart.eval(Instant.parse("2026-03-30T12:30:00Z"), Duration.ofDays(7)))
                .isEqualTo(LocalDateTime.parse("2026-03-26T00:00:00"));
        assertThat(windowStart.eval(Instant.parse("2026-04-02T00:00:00Z"), Duration.ofDays(7)))
                .isEqualTo(LocalDateTime.parse("2026-04-02T00:00:00"));
    }

    @Test
    void instantsBeforeTheEpochFallInTheWindowBelow() {
        assertThat(windowStart.eval(Instant.parse("1969-12-31T23:00:00Z"), Duration.ofDays(1)))
                .isEqualTo(LocalDateTime.parse("1969-12-31T00:00:00"));
    }

    @Test
    void nullInNullOutAndSizeMustBePositive() {
        assertThat(windowStart.eval(null, Duration.ofDays(1))).isNull();
        assertThatThrownBy(() -> windowStart.eval(Instant.EPOCH, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive size");
    }
}
