package io.streamcdp.serving;

import io.streamcdp.serving.Responses.CategoryAffinity;
import io.streamcdp.serving.Responses.SegmentStay;
import io.streamcdp.serving.Responses.UserRecommendations;
import io.streamcdp.serving.Responses.UserSegments;
import io.streamcdp.serving.Responses.UserTopCategories;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.paimon.data.BinaryRow;
import org.apache.paimon.types.RowType;

/** The questions the API answers, each read from the replicas in memory. */
public final class ProfileLookups {

    private static final int TOP_CATEGORIES = 5;

    private final ServingReplicas replicas;
    private final Recommender recommender;

    public ProfileLookups(ServingReplicas replicas) {
        this.replicas = replicas;
        this.recommender = new Recommender(replicas);
    }

    /** The customer's customer_360 row plus churn_risk (null until the churn table has the customer). */
    public Optional<Map<String, Object>> customer(int customerId) {
        List<BinaryRow> profile = replicas.customers.rows(customerId);
        if (profile.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> values = RowValues.of(replicas.customers.rowType(), profile.get(0));
        List<BinaryRow> risk = replicas.churnRisk.rows(customerId);
        values.put("churn_risk", risk.isEmpty() ? null : RowValues.get(replicas.churnRisk.rowType(), risk.get(0), "churn_risk"));
        return Optional.of(values);
    }

    /** Whether any segment or affinity row, past or present, names this user. */
    public boolean knownUser(String userId) {
        return !replicas.segmentMembership.rows(userId).isEmpty() || !replicas.categoryAffinity.rows(userId).isEmpty();
    }

    /** The segments the user is in now (stays with no left_at), by segment and entry time. */
    public UserSegments segments(String userId) {
        RowType type = replicas.segmentMembership.rowType();
        List<SegmentStay> stays = replicas.segmentMembership.rows(userId).stream()
                .filter(row -> RowValues.get(type, row, "left_at") == null)
                .map(row -> new SegmentStay((String) RowValues.get(type, row, "segment"),
                        (String) RowValues.get(type, row, "entered_at"),
                        (String) RowValues.get(type, row, "window_start"),
                        (String) RowValues.get(type, row, "window_end")))
                .sorted(Comparator.comparing(SegmentStay::segment).thenComparing(SegmentStay::enteredAt))
                .toList();
        return new UserSegments(userId, stays);
    }

    /** As sql/serving/top_categories.sql: the latest week's five strongest categories. */
    public UserTopCategories topCategories(String userId) {
        RowType type = replicas.categoryAffinity.rowType();
        List<CategoryAffinity> categories = LatestAffinityWeek.rows(replicas.categoryAffinity, userId).stream()
                .map(row -> new CategoryAffinity((String) RowValues.get(type, row, "category"),
                        (Long) RowValues.get(type, row, "affinity_score"),
                        (BigDecimal) RowValues.get(type, row, "avg_dwell_seconds")))
                .sorted(Comparator.comparing(CategoryAffinity::affinityScore, Comparator.nullsLast(Comparator.reverseOrder()))
                        .thenComparing(CategoryAffinity::category))
                .limit(TOP_CATEGORIES)
                .toList();
        return new UserTopCategories(userId, categories);
    }

    /** As sql/serving/recommendations.sql, cold start included. */
    public UserRecommendations recommendations(String userId) {
        return recommender.recommend(userId);
    }
}
