-- A version of each user's coach data (ADR-0028). Every chat turn reads what the coach knows of its user: the profile,
-- the recent workouts, nutrition days and measurements, the active goals, the latest check-in and the plans in force.
-- That data changes a few times a day; the turns read it many times a minute. The turn-start read keeps what it read
-- with the version it read it at, and reads the data again only when the version has changed.
--
-- The version is kept by the database itself, by triggers on the seven tables of coach data, so that every write
-- changes it whoever makes it: any store, any server instance, a migration, psql. A version is a value of one
-- sequence, never used twice, so that a version read again means the data has not changed since it was read.
--
-- A user without a row here has no coach data: the first write makes the row, and a transaction that leaves the user
-- with no coach data deletes it when it commits (deleting a user's data leaves nothing of them here).

CREATE SEQUENCE coach_data_version_seq;

CREATE TABLE coach_data_versions (
    user_id varchar(255) COLLATE "C" PRIMARY KEY,
    version bigint       NOT NULL
);

-- A new version for a user: inserts the row, or gives it the next value of the sequence.
CREATE FUNCTION coach_data_bump(owner varchar) RETURNS void LANGUAGE sql AS $$
    INSERT INTO coach_data_versions AS v (user_id, version) VALUES (owner, nextval('coach_data_version_seq'))
    ON CONFLICT (user_id) DO UPDATE SET version = nextval('coach_data_version_seq')
$$;

-- After each row written or deleted: a new version for its user (both users if an update moved a row).
CREATE FUNCTION coach_data_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'DELETE' THEN
        PERFORM coach_data_bump(NEW.user_id);
    END IF;
    IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND OLD.user_id IS DISTINCT FROM NEW.user_id) THEN
        PERFORM coach_data_bump(OLD.user_id);
    END IF;
    RETURN NULL;
END
$$;

-- After a TRUNCATE of one of the tables: a new version for every user (whose data it may have emptied).
CREATE FUNCTION coach_data_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE coach_data_versions SET version = nextval('coach_data_version_seq');
    RETURN NULL;
END
$$;

-- On each of the seven tables: <table>_version after each row, <table>_truncated after a TRUNCATE.
DO $$
DECLARE
    coach_table text;
BEGIN
    FOREACH coach_table IN ARRAY ARRAY['coach_profiles', 'workouts', 'nutrition_days', 'progress_measurements',
                                       'goals', 'check_ins', 'plans'] LOOP
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I'
                       ' FOR EACH ROW EXECUTE FUNCTION coach_data_changed()', coach_table || '_version', coach_table);
        EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON %I'
                       ' FOR EACH STATEMENT EXECUTE FUNCTION coach_data_truncated()', coach_table || '_truncated',
                       coach_table);
    END LOOP;
END
$$;

-- When a transaction that gave a user a new version commits: if the user has no coach data left, the row goes.
CREATE FUNCTION coach_data_version_without_data() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT (EXISTS (SELECT 1 FROM coach_profiles WHERE user_id = NEW.user_id)
            OR EXISTS (SELECT 1 FROM workouts WHERE user_id = NEW.user_id)
            OR EXISTS (SELECT 1 FROM nutrition_days WHERE user_id = NEW.user_id)
            OR EXISTS (SELECT 1 FROM progress_measurements WHERE user_id = NEW.user_id)
            OR EXISTS (SELECT 1 FROM goals WHERE user_id = NEW.user_id)
            OR EXISTS (SELECT 1 FROM check_ins WHERE user_id = NEW.user_id)
            OR EXISTS (SELECT 1 FROM plans WHERE user_id = NEW.user_id)) THEN
        DELETE FROM coach_data_versions WHERE user_id = NEW.user_id;
    END IF;
    RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER coach_data_versions_without_data AFTER INSERT OR UPDATE ON coach_data_versions
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION coach_data_version_without_data();

-- The users who have coach data now.
INSERT INTO coach_data_versions (user_id, version)
SELECT user_id, nextval('coach_data_version_seq')
FROM (SELECT user_id FROM coach_profiles
      UNION SELECT user_id FROM workouts
      UNION SELECT user_id FROM nutrition_days
      UNION SELECT user_id FROM progress_measurements
      UNION SELECT user_id FROM goals
      UNION SELECT user_id FROM check_ins
      UNION SELECT user_id FROM plans) users;
