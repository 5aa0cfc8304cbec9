-- CRM (PostgreSQL): the customer base.
CREATE TABLE customers (
    customer_id  INT PRIMARY KEY,
    email        VARCHAR(255),
    full_name    VARCHAR(255),
    signup_date  TIMESTAMP,
    account_tier VARCHAR(32)
);
-- CDC needs whole old rows on UPDATE and DELETE.
ALTER TABLE customers REPLICA IDENTITY FULL;
-- The publication CDC reads, for this table only.
CREATE PUBLICATION streamcdp_customers FOR TABLE customers;

-- The identity graph: an anonymous visitor id (cookie, device) linked to a known user id when
-- the visitor logs in. Segments count a linked visitor's events toward the user.
CREATE TABLE identity_map (
    anonymous_id VARCHAR(128) PRIMARY KEY,
    user_id      VARCHAR(128) NOT NULL,
    linked_at    TIMESTAMP NOT NULL DEFAULT now()
);
ALTER TABLE identity_map REPLICA IDENTITY FULL;
CREATE PUBLICATION streamcdp_identity_map FOR TABLE identity_map;
