package io.streamcdp.udfs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChurnRiskTest {

    private final ChurnRisk churnRisk = new ChurnRisk();

    @ParameterizedTest(name = "open={0} score={1} -> {2}")
    @CsvSource(nullValues = "NULL", value = {
        "1, -5, high_risk",    // Bob in the seed
        "0, 40, healthy",      // Alice
        "0, 60, healthy",      // Carol
        "1, 0, medium_risk",   // an open ticket alone
        "0, 19, medium_risk",  // a low score alone
        "0, 20, healthy",      // 20 is not below 20
        "1, 25, medium_risk",
        "0, -1, medium_risk",  // negative score without an open ticket
        "NULL, NULL, medium_risk"
    })
    void classifiesAsTheSeed(Long openTickets, Long score, String expected) {
        assertThat(churnRisk.eval(openTickets, score)).isEqualTo(expected);
    }
}
