-- A small content catalog for the personalization demo.
INSERT INTO content_items VALUES
('c1', 'Intro to stream processing', 'article', 'tech', 'data', '2026-03-01 09:00:00'),
('c2', 'Exactly-once in practice', 'video', 'tech', 'data', '2026-03-05 09:00:00'),
('c3', 'Sourdough at home', 'article', 'food', 'baking', '2026-03-10 09:00:00'),
('c4', 'Ten-minute pasta', 'video', 'food', 'cooking', '2026-03-12 09:00:00'),
('c5', 'Marathon training plan', 'article', 'sports', 'running', '2026-03-15 09:00:00');
