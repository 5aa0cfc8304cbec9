-- CMS (PostgreSQL): the content catalog that personalization recommends from.
CREATE TABLE content_items (
    content_id   VARCHAR(64) PRIMARY KEY,
    title        VARCHAR(255) NOT NULL,
    content_type VARCHAR(32),
    category     VARCHAR(64),
    subcategory  VARCHAR(64),
    published_at TIMESTAMP
);
ALTER TABLE content_items REPLICA IDENTITY FULL;
CREATE PUBLICATION streamcdp_content_items FOR TABLE content_items;
