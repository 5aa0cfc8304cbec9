package io.streamcdp.tools.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamcdp.config.StreamCdpConfig;
import org.junit.jupiter.api.Test;

class BatchBaselineTest {

    @Test
    void recomputeIsThePipelinesOwnViewsAsOneQuery() {
        String sql = BatchBaseline.recomputeSql(StreamCdpConfig.defaults().asStrings());

        assertThat(sql).startsWith("CREATE TABLE customer_360_batch AS WITH customer_order_summary AS (");
        // The summaries in order, each a common table expression, then the profile over them.
        assertThat(sql.indexOf("customer_support_summary AS (")).isGreaterThan(sql.indexOf("customer_order_summary AS ("));
        assertThat(sql.indexOf("customer_web_activity AS (")).isGreaterThan(sql.indexOf("customer_support_summary AS ("));
        assertThat(sql).contains("COUNT(DISTINCT session_id)",
                "engagement_score(o.total_orders, w.total_sessions, w.purchase_events, s.high_priority_tickets)",
                "LEFT JOIN customer_web_activity w ON c.customer_id = w.customer_id");
        // Only the views: none of the pipeline's INSERTs into Paimon.
        assertThat(sql).doesNotContain("INSERT", "paimon.");
    }
}
