-- E-commerce (PostgreSQL): orders. Money keeps its cents: NUMERIC(12,2).
CREATE TABLE orders (
    order_id     INT PRIMARY KEY,
    customer_id  INT,
    order_total  NUMERIC(12, 2),
    order_status VARCHAR(32),
    created_at   TIMESTAMP
);
ALTER TABLE orders REPLICA IDENTITY FULL;
-- The publication CDC reads, for this table only.
CREATE PUBLICATION streamcdp_orders FOR TABLE orders;
