-- segment_membership: who is in which segment now, and the history of entries and exits.
-- Segments: high_intent_buyers and recent_purchasers (their windows are current while open).
--   category_interest_sessions has no membership: a session's row appears once it has ended.
-- Rule: a user enters a segment when one of their windows qualifies, and exits when the
--   window that qualified them has passed (the watermark reached its end) and no newer window
--   qualifies them, or when identity resolution moved their qualifying events to another user.
-- Grain and key: one row per stay, (segment, user_id, entered_at); left_at is NULL while in.
-- Time: entered_at and left_at are event time (the qualifying event, the window's end).
-- segment_membership_changes comes from the job (SegmentMembership: keyed state and
--   event-time timers, which SQL cannot express); one 'entered' and one 'exited' per stay.
-- Delivered to: paimon.serving.segment_membership, Kafka (kafka.segment_membership_changes),
--   and for recent_purchasers PostgreSQL (targeting.suppression_list: current members only).
INSERT INTO paimon.serving.segment_membership
SELECT
    segment,
    user_id,
    entered_at,
    CASE WHEN change_type = 'exited' THEN changed_at END AS left_at,
    CASE WHEN change_type = 'exited' THEN reason END     AS exit_reason,
    window_start,
    window_end
FROM segment_membership_changes;

INSERT INTO kafka.segment_membership_changes
SELECT segment, user_id, change_type, changed_at, reason, window_start, window_end
FROM segment_membership_changes;

-- suppression_list_changes: the recent_purchasers members as a changelog keyed by user_id
-- (insert on entry, delete on exit), so that the JDBC sink upserts and deletes rows. The cast
-- gives the UTC wall-clock time (table.local-time-zone is UTC).
INSERT INTO targeting.suppression_list
SELECT user_id, CAST(suppressed_since AS TIMESTAMP(3)), window_start, window_end
FROM suppression_list_changes;
