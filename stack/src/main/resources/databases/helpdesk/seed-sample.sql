-- The seed's sample support tickets.
INSERT INTO support_tickets VALUES
(1001, 1, 'Order delivery delay', 'medium', 'resolved', '2026-03-16 10:00:00', '2026-03-16 14:00:00'),
(1002, 2, 'Refund request', 'high', 'open', '2026-03-26 09:00:00', NULL),
(1003, 2, 'Product defect', 'high', 'resolved', '2026-03-12 11:00:00', '2026-03-13 10:00:00'),
(1004, 3, 'Account billing question', 'low', 'resolved', '2026-03-05 14:00:00', '2026-03-05 15:30:00');
