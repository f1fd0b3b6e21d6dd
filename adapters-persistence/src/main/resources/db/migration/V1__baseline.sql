-- Baseline of the CoachKit schema: it proves Flyway runs on every start (embedded or external PostgreSQL).
-- The persistence adapter's real tables follow in V2 and later.
SELECT 1;
