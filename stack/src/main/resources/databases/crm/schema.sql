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
