-- Helpdesk (MySQL/MariaDB): support tickets. The binlog must be in ROW format.
CREATE TABLE support_tickets (
    ticket_id   INT PRIMARY KEY,
    customer_id INT,
    subject     VARCHAR(255),
    priority    VARCHAR(16),
    status      VARCHAR(16),
    created_at  DATETIME(6),
    resolved_at DATETIME(6) NULL
);
