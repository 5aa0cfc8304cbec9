-- content_catalog: the CMS's content items, mirrored for the recommendation queries.
-- Grain and key: one row per content item (content_id).
-- Freshness: follows every insert, update and delete in the CMS (CDC), one checkpoint later.
-- Delivered to: paimon.serving.content_catalog.
INSERT INTO paimon.serving.content_catalog
SELECT content_id, title, content_type, category, subcategory, published_at
FROM cdc.content_items;
