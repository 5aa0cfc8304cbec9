-- Functions the pipelines call by name. Implementations and their unit tests are in udfs/.
CREATE TEMPORARY SYSTEM FUNCTION IF NOT EXISTS engagement_score AS 'io.streamcdp.udfs.EngagementScore';
CREATE TEMPORARY SYSTEM FUNCTION IF NOT EXISTS churn_risk AS 'io.streamcdp.udfs.ChurnRisk';
CREATE TEMPORARY SYSTEM FUNCTION IF NOT EXISTS tumbling_window_start AS 'io.streamcdp.udfs.TumblingWindowStart';
CREATE TEMPORARY SYSTEM FUNCTION IF NOT EXISTS hopping_windows AS 'io.streamcdp.udfs.HoppingWindows';
