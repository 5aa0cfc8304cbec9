-- Campaign management (PostgreSQL): where ad campaigns look up whom not to target.
-- streamcdp keeps suppression_list equal to the current members of the recent_purchasers
-- segment through the JDBC connector (upsert on entry, delete on exit). Times are UTC.
CREATE TABLE suppression_list (
    user_id          VARCHAR(128) PRIMARY KEY,
    suppressed_since TIMESTAMP NOT NULL,
    window_start     TIMESTAMP NOT NULL,
    window_end       TIMESTAMP NOT NULL
);
