-- The daily-budget check of every chat turn (UsageLedger.tally) summed all of the user's usage entries since the
-- start of their day: one index entry and heap tuple per model response, so its cost grew with every turn of the
-- day (about 1.4 ms of PostgreSQL time a call after a few thousand responses). This table keeps each user's cost
-- per quarter hour (UTC), written in the same statement as the entry itself (UsageLedger.record), so the day's cost
-- is a sum of at most 96 rows, plus the entries of a partial quarter hour when the day does not start on one.
-- Derived data: deleting a user's usage deletes these rows too; usage_entries stays the record of every response.
CREATE TABLE usage_cost_buckets (
    user_id      varchar(255) COLLATE "C" NOT NULL,
    -- the entries' occurred_at rounded down to a multiple of 15 minutes since the epoch (UTC)
    bucket_start timestamptz  NOT NULL,
    cost_micros  bigint       NOT NULL CHECK (cost_micros >= 0),
    PRIMARY KEY (user_id, bucket_start)
);

INSERT INTO usage_cost_buckets (user_id, bucket_start, cost_micros)
SELECT user_id, to_timestamp(floor(extract(epoch FROM occurred_at) / 900) * 900), SUM(cost_micros)
FROM usage_entries
GROUP BY 1, 2;
