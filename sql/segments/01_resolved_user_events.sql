-- resolved_user_events: the validated user_events with each event attributed to the person
-- behind it. An anonymous visitor id linked to a known user in identity_map (CDC from the CRM
-- database) counts as that user; any other id counts as itself.
-- Grain: one row per event. Key: none (an append stream that identity mappings revise).
-- Freshness: a mapping that arrives after the events retracts them from the visitor and adds
--   them to the user, so every segment below recomputes the affected windows (the seed's FAQ:
--   "use a regular SQL join ... downstream views recompute accordingly").
-- State: events are kept for segments.identity-retention (a mapping can move events younger
--   than that); mappings are kept for as long as they exist in identity_map.
-- Time: event_time is the event's own time; windows below are in event time.
CREATE TEMPORARY VIEW resolved_user_events AS
SELECT /*+ STATE_TTL('e' = '${segments.identity-retention}') */
    e.event_id,
    COALESCE(m.user_id, e.user_id) AS user_id,
    e.user_id                      AS seen_as,
    e.session_id,
    e.event_type,
    e.product_id,
    e.category,
    e.`value`,
    e.event_time
FROM user_events AS e
LEFT JOIN identity_map AS m
    ON e.user_id = m.anonymous_id;
