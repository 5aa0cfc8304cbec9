package io.streamcdp.udfs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EngagementScoreTest {

    private final EngagementScore score = new EngagementScore();

    @Test
    void weighsOrdersSessionsPurchasesAndHighPriorityTickets() {
        // The seed's three customers: Alice 40, Bob -5, Carol 60.
        assertThat(score.eval(3L, 2L, 0L, 0L)).isEqualTo(40);
        assertThat(score.eval(2L, 1L, 0L, 2L)).isEqualTo(-5);
        assertThat(score.eval(3L, 2L, 1L, 0L)).isEqualTo(60);
    }

    @Test
    void missingDomainsCountAsZero() {
        assertThat(score.eval(null, null, null, null)).isZero();
        assertThat(score.eval(1L, null, null, 1L)).isEqualTo(-5);
    }
}
