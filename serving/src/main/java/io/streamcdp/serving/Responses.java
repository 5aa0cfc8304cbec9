package io.streamcdp.serving;

import java.math.BigDecimal;
import java.util.List;

/** The bodies the profile API returns (JSON, snake_case), as openapi.yaml describes them. */
public final class Responses {

    private Responses() {}

    /** A stay of the user in a segment that has not ended. */
    public record SegmentStay(String segment, String enteredAt, String windowStart, String windowEnd) {}

    public record UserSegments(String userId, List<SegmentStay> segments) {}

    public record CategoryAffinity(String category, Long affinityScore, BigDecimal avgDwellSeconds) {}

    public record UserTopCategories(String userId, List<CategoryAffinity> categories) {}

    public record Recommendation(
            String contentId,
            String title,
            String contentType,
            String category,
            Long trendingScore,
            Long affinityScore,
            BigDecimal combinedScore) {}

    /** coldStart: the user has no affinity yet, so the items are the trending ones. */
    public record UserRecommendations(String userId, boolean coldStart, List<Recommendation> items) {}

    /** status READY or LOADING; behindMs: the largest of the tables' (null if any is unknown). */
    public record Health(String status, Long behindMs, List<ReplicaStatus> tables) {}

    /** error is a name a client can switch on: NOT_FOUND, BAD_REQUEST, UNAUTHORIZED, NOT_READY. */
    public record ApiError(String error, String message) {}
}
