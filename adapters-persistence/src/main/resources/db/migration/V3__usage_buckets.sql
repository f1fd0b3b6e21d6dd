-- Every chat turn checks the user's daily budget and rate limit (UsageLedger.tally). Summing the user's usage
-- entries for that made the check's cost grow with the user's activity: one index entry and heap tuple per model
-- response since the start of their day, and since the start of the rate-limit minute. At 31 responses a second a
-- user (the chat benchmark's), the check went from 0.12 ms to 1.6 ms of PostgreSQL time within 40 s and saturated
-- a two-CPU host (docs/benchmarks.md, session 6; ADR-0018).
--
-- These two tables keep each user's responses and cost per quarter hour and per second (UTC, counted from the
-- epoch), written in the same statement as the entry itself (UsageLedger.record). A sum since any instant is then:
-- the quarter hours that start at or after it, the seconds between it and the first of those, and the entries of the
-- second it falls in. Derived data: usage_entries stays the record of every response, and deleting a user's usage
-- deletes these rows too.
CREATE TABLE usage_quarter_hours (
    user_id      varchar(255) COLLATE "C" NOT NULL,
    -- the entries' occurred_at rounded down to a multiple of 900 seconds since the epoch
    bucket_start timestamptz  NOT NULL,
    responses    bigint       NOT NULL CHECK (responses >= 0),
    cost_micros  bigint       NOT NULL CHECK (cost_micros >= 0),
    PRIMARY KEY (user_id, bucket_start)
);

CREATE TABLE usage_seconds (
    user_id      varchar(255) COLLATE "C" NOT NULL,
    -- the entries' occurred_at rounded down to a whole second since the epoch
    bucket_start timestamptz  NOT NULL,
    responses    bigint       NOT NULL CHECK (responses >= 0),
    cost_micros  bigint       NOT NULL CHECK (cost_micros >= 0),
    PRIMARY KEY (user_id, bucket_start)
);

INSERT INTO usage_quarter_hours (user_id, bucket_start, responses, cost_micros)
SELECT user_id, to_timestamp(floor(extract(epoch FROM occurred_at) / 900) * 900), COUNT(*), SUM(cost_micros)
FROM usage_entries
GROUP BY 1, 2;

INSERT INTO usage_seconds (user_id, bucket_start, responses, cost_micros)
SELECT user_id, to_timestamp(floor(extract(epoch FROM occurred_at))), COUNT(*), SUM(cost_micros)
FROM usage_entries
GROUP BY 1, 2;
