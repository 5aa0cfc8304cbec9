package io.streamcdp.udfs;

import org.apache.flink.table.functions.ScalarFunction;

/**
 * The churn-risk class of a customer: {@code high_risk} with an open ticket and a negative
 * engagement score, {@code medium_risk} with an open ticket or a score below 20, else
 * {@code healthy}. NULL inputs count as zero.
 */
public class ChurnRisk extends ScalarFunction {

    public static final String HIGH = "high_risk";
    public static final String MEDIUM = "medium_risk";
    public static final String HEALTHY = "healthy";

    public String eval(Long openTickets, Long engagementScore) {
        long open = openTickets == null ? 0 : openTickets;
        long score = engagementScore == null ? 0 : engagementScore;
        if (open > 0 && score < 0) {
            return HIGH;
        }
        if (open > 0 || score < 20) {
            return MEDIUM;
        }
        return HEALTHY;
    }
}
