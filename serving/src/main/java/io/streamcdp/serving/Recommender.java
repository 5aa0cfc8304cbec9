package io.streamcdp.serving;

import io.streamcdp.serving.Responses.Recommendation;
import io.streamcdp.serving.Responses.UserRecommendations;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.paimon.data.BinaryRow;
import org.apache.paimon.data.Timestamp;
import org.apache.paimon.types.RowType;

/**
 * A user's top content, computed as {@code sql/serving/recommendations.sql} does: trending items
 * of the current 2-hour window in the categories of the user's latest affinity week, scored
 * 0.4 x trending + 0.6 x affinity; a user without affinity gets the trending items (cold start);
 * only items in the content catalog; the top 20, best first, ties by content id.
 */
final class Recommender {

    private static final int LIMIT = 20;
    private static final Duration TRENDING_SLIDE = Duration.ofMinutes(15);
    private static final BigDecimal TRENDING_WEIGHT = new BigDecimal("0.4");
    private static final BigDecimal AFFINITY_WEIGHT = new BigDecimal("0.6");
    private static final Comparator<Recommendation> BEST_FIRST = Comparator
            .comparing(Recommendation::combinedScore, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(Recommendation::contentId);

    private record TrendingItem(String contentId, String category, Long trendingScore) {}

    private record CurrentTrending(long version, List<TrendingItem> items) {}

    private final ServingReplicas replicas;
    private volatile CurrentTrending current = new CurrentTrending(-1, List.of());

    Recommender(ServingReplicas replicas) {
        this.replicas = replicas;
    }

    UserRecommendations recommend(String userId) {
        Map<String, Long> affinity = new HashMap<>();
        RowType affinityType = replicas.categoryAffinity.rowType();
        for (BinaryRow row : LatestAffinityWeek.rows(replicas.categoryAffinity, userId)) {
            affinity.put((String) RowValues.get(affinityType, row, "category"),
                    (Long) RowValues.get(affinityType, row, "affinity_score"));
        }
        boolean coldStart = affinity.isEmpty();
        List<Recommendation> items = new ArrayList<>();
        for (TrendingItem item : currentTrending()) {
            if (!coldStart && !affinity.containsKey(item.category())) {
                continue;
            }
            Long affinityScore = coldStart ? null : affinity.get(item.category());
            List<BinaryRow> content = replicas.contentCatalog.rows(item.contentId());
            if (content.isEmpty()) {
                continue;
            }
            RowType contentType = replicas.contentCatalog.rowType();
            items.add(new Recommendation(item.contentId(),
                    (String) RowValues.get(contentType, content.get(0), "title"),
                    (String) RowValues.get(contentType, content.get(0), "content_type"),
                    item.category(), item.trendingScore(), affinityScore,
                    combinedScore(item.trendingScore(), affinityScore, coldStart)));
        }
        items.sort(BEST_FIRST);
        return new UserRecommendations(userId, coldStart, List.copyOf(items.subList(0, Math.min(LIMIT, items.size()))));
    }

    /** As the SQL's DECIMAL(12, 1) arithmetic: exact, one decimal, NULL if an input is NULL. */
    private static BigDecimal combinedScore(Long trending, Long affinity, boolean coldStart) {
        if (trending == null || (!coldStart && affinity == null)) {
            return null;
        }
        BigDecimal score = coldStart ? BigDecimal.valueOf(trending)
                : BigDecimal.valueOf(trending).multiply(TRENDING_WEIGHT).add(BigDecimal.valueOf(affinity).multiply(AFFINITY_WEIGHT));
        return score.setScale(1);
    }

    /**
     * The items of the 2-hour window that ends at the next 15-minute boundary after the newest
     * window start, recomputed only when the trending table has changed.
     */
    private List<TrendingItem> currentTrending() {
        TableReplica trending = replicas.trendingContent;
        long version = trending.version();
        CurrentTrending cached = current;
        if (cached.version() == version) {
            return cached.items();
        }
        RowType type = trending.rowType();
        int windowStart = type.getFieldIndex("window_start");
        int windowEnd = type.getFieldIndex("window_end");
        int precision = LatestAffinityWeek.precision(type, windowStart);
        Timestamp[] newestStart = {null};
        trending.forEachRow(row -> {
            Timestamp start = row.getTimestamp(windowStart, precision);
            if (newestStart[0] == null || start.compareTo(newestStart[0]) > 0) {
                newestStart[0] = start;
            }
        });
        List<TrendingItem> items = new ArrayList<>();
        if (newestStart[0] != null) {
            Timestamp end = Timestamp.fromLocalDateTime(newestStart[0].toLocalDateTime().plus(TRENDING_SLIDE));
            trending.forEachRow(row -> {
                if (!row.isNullAt(windowEnd) && row.getTimestamp(windowEnd, precision).equals(end)) {
                    items.add(new TrendingItem((String) RowValues.get(type, row, "content_id"),
                            (String) RowValues.get(type, row, "category"), (Long) RowValues.get(type, row, "trending_score")));
                }
            });
        }
        current = new CurrentTrending(version, List.copyOf(items));
        return current.items();
    }
}
