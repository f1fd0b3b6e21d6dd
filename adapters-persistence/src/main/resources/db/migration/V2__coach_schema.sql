-- CoachKit schema: every store port of coach-ports on PostgreSQL. Never edit a released migration; add V3 and later.
--
-- Conventions
--   * Every table has a user_id column (the subject of the user's verified token). Deleting a user's data is each
--     store's deleteAllOf(user), which deletes by user_id; child rows of a conversation go with it (ON DELETE CASCADE).
--   * user_id uses the "C" collation, so ORDER BY user_id is code-point order (what Java's String order is for
--     the BMP) and its indexes are plain byte comparisons.
--   * Enumerations are text with a CHECK constraint naming the allowed values (readable in psql, cheap to extend).
--   * Instants are timestamptz (microseconds).

-- Conversations and their messages --------------------------------------------------------------------------------

CREATE TABLE conversations (
    id               uuid         PRIMARY KEY,
    user_id          varchar(255) COLLATE "C" NOT NULL,
    title            varchar(200),
    idempotency_key  varchar(255),
    created_at       timestamptz  NOT NULL,
    last_activity_at timestamptz  NOT NULL,
    -- also the sequence number of the last message: the append transaction locks this row and increments it
    message_count    bigint       NOT NULL DEFAULT 0 CHECK (message_count >= 0),
    -- target of the messages' (conversation_id, user_id) foreign key: a message always has its conversation's owner
    CONSTRAINT conversations_id_user UNIQUE (id, user_id)
);
CREATE UNIQUE INDEX conversations_user_idempotency_key
    ON conversations (user_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
-- list(): most recent activity first, ties by id
CREATE INDEX conversations_user_activity ON conversations (user_id, last_activity_at DESC, id DESC);

CREATE TABLE messages (
    id                 uuid         PRIMARY KEY,
    conversation_id    uuid         NOT NULL,
    user_id            varchar(255) COLLATE "C" NOT NULL,
    sequence_number    bigint       NOT NULL CHECK (sequence_number > 0),
    role               varchar(16)  NOT NULL CHECK (role IN ('USER', 'ASSISTANT', 'SYSTEM', 'TOOL')),
    channel            varchar(8)   NOT NULL CHECK (channel IN ('TEXT', 'VOICE')),
    status             varchar(16)  NOT NULL CHECK (status IN ('COMPLETE', 'FAILED', 'INTERRUPTED')),
    -- a barged-in assistant turn; derived from status so the two can never disagree
    interrupted        boolean      GENERATED ALWAYS AS (status = 'INTERRUPTED') STORED,
    content            text         NOT NULL,
    tool_calls         jsonb        NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(tool_calls) = 'array'),
    tool_result        jsonb        CHECK (tool_result IS NULL OR jsonb_typeof(tool_result) = 'object'),
    voice_session_id   uuid,
    flagged_for_review boolean      NOT NULL DEFAULT false,
    idempotency_key    varchar(255),
    created_at         timestamptz  NOT NULL,
    CONSTRAINT messages_conversation_fk FOREIGN KEY (conversation_id, user_id)
        REFERENCES conversations (id, user_id) ON DELETE CASCADE,
    -- gap-free numbering is the append transaction's job; uniqueness is the database's
    CONSTRAINT messages_conversation_sequence UNIQUE (conversation_id, sequence_number),
    CONSTRAINT messages_tool_result_on_tool_messages CHECK ((role = 'TOOL') = (tool_result IS NOT NULL)),
    CONSTRAINT messages_tool_calls_on_assistant_messages CHECK (role = 'ASSISTANT' OR tool_calls = '[]'::jsonb)
);
-- append(): one message per idempotency key and conversation
CREATE UNIQUE INDEX messages_conversation_idempotency_key
    ON messages (conversation_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
-- history(): a user's messages across conversations by time (messages() uses messages_conversation_sequence)
CREATE INDEX messages_user_history ON messages (user_id, created_at DESC, conversation_id DESC, sequence_number DESC);

-- What the coach knows ---------------------------------------------------------------------------------------------

CREATE TABLE coach_profiles (
    user_id                varchar(255) COLLATE "C" PRIMARY KEY,
    name                   varchar(100),
    birth_year             integer      CHECK (birth_year BETWEEN 1900 AND 2100),
    sex                    varchar(8)   CHECK (sex IN ('FEMALE', 'MALE', 'OTHER')),
    height_cm              double precision,
    weight_kg              double precision,
    fitness_level          varchar(16)  CHECK (fitness_level IN ('BEGINNER', 'INTERMEDIATE', 'ADVANCED')),
    activity_level         varchar(24)  CHECK (activity_level IN
                               ('SEDENTARY', 'LIGHTLY_ACTIVE', 'MODERATELY_ACTIVE', 'VERY_ACTIVE', 'EXTRA_ACTIVE')),
    injuries               text[]       NOT NULL,
    equipment              text[]       NOT NULL,
    dietary_preferences    text[]       NOT NULL,
    allergies              text[]       NOT NULL,
    language               varchar(35)  NOT NULL,
    persona                varchar(32)  NOT NULL,
    preferred_mode         varchar(8)   NOT NULL CHECK (preferred_mode IN ('VOICE', 'TEXT')),
    preferred_voice        varchar(64),
    weekly_check_in_opt_in boolean      NOT NULL,
    updated_at             timestamptz  NOT NULL
);
-- usersOptedIntoCheckIn(): keyset over the opted-in users
CREATE INDEX coach_profiles_check_in_opt_in ON coach_profiles (user_id) WHERE weekly_check_in_opt_in;

CREATE TABLE workouts (
    id                 uuid         PRIMARY KEY,
    user_id            varchar(255) COLLATE "C" NOT NULL,
    workout_date       date         NOT NULL,
    activity           varchar(100) NOT NULL,
    duration_minutes   integer      NOT NULL CHECK (duration_minutes BETWEEN 1 AND 1440),
    perceived_exertion integer      CHECK (perceived_exertion BETWEEN 1 AND 10),
    exercises          jsonb        NOT NULL CHECK (jsonb_typeof(exercises) = 'array'),
    notes              text,
    recorded_at        timestamptz  NOT NULL
);
CREATE INDEX workouts_user_date ON workouts (user_id, workout_date, recorded_at);

CREATE TABLE nutrition_days (
    id                uuid         PRIMARY KEY,
    user_id           varchar(255) COLLATE "C" NOT NULL,
    nutrition_date    date         NOT NULL,
    calories          integer      NOT NULL CHECK (calories >= 0),
    protein_g         double precision NOT NULL,
    carbs_g           double precision NOT NULL,
    fat_g             double precision NOT NULL,
    adherence_percent integer      NOT NULL CHECK (adherence_percent BETWEEN 0 AND 100),
    notes             text,
    recorded_at       timestamptz  NOT NULL,
    -- one record per user and date; also the index of nutritionDays()
    CONSTRAINT nutrition_days_user_date UNIQUE (user_id, nutrition_date)
);

CREATE TABLE progress_measurements (
    id          uuid         PRIMARY KEY,
    user_id     varchar(255) COLLATE "C" NOT NULL,
    metric      varchar(64)  NOT NULL,
    value       double precision NOT NULL,
    unit        varchar(16)  NOT NULL,
    measured_at timestamptz  NOT NULL
);
CREATE INDEX progress_measurements_user_time ON progress_measurements (user_id, measured_at);

CREATE TABLE goals (
    id           uuid         PRIMARY KEY,
    user_id      varchar(255) COLLATE "C" NOT NULL,
    description  varchar(500) NOT NULL,
    metric       varchar(64),
    target_value double precision,
    unit         varchar(16),
    target_date  date,
    status       varchar(16)  NOT NULL CHECK (status IN ('ACTIVE', 'ACHIEVED', 'ABANDONED')),
    created_at   timestamptz  NOT NULL,
    updated_at   timestamptz  NOT NULL
);
CREATE INDEX goals_user_created ON goals (user_id, created_at);

CREATE TABLE check_ins (
    id                uuid         PRIMARY KEY,
    user_id           varchar(255) COLLATE "C" NOT NULL,
    period_start      date         NOT NULL,
    period_end        date         NOT NULL,
    adherence_percent integer      CHECK (adherence_percent BETWEEN 0 AND 100),
    wins              text[]       NOT NULL,
    obstacles         text[]       NOT NULL,
    preferences       text[]       NOT NULL,
    mood              varchar(200),
    energy            varchar(200),
    open_questions    text[]       NOT NULL,
    created_at        timestamptz  NOT NULL,
    CHECK (period_end >= period_start)
);
-- latestCheckIn(): latest period end, ties by latest created
CREATE INDEX check_ins_user_latest ON check_ins (user_id, period_end DESC, created_at DESC);

CREATE TABLE check_in_claims (
    id         uuid         PRIMARY KEY,
    user_id    varchar(255) COLLATE "C" NOT NULL,
    week_start date         NOT NULL,
    claimed_at timestamptz  NOT NULL DEFAULT now(),
    -- exactly one claimer per user and week, across server instances
    CONSTRAINT check_in_claims_user_week UNIQUE (user_id, week_start)
);

-- Voice sessions ---------------------------------------------------------------------------------------------------

CREATE TABLE voice_sessions (
    id                uuid         PRIMARY KEY,
    user_id           varchar(255) COLLATE "C" NOT NULL,
    conversation_id   uuid         NOT NULL,
    status            varchar(8)   NOT NULL CHECK (status IN ('CREATED', 'ACTIVE', 'ENDED', 'EXPIRED', 'FAILED')),
    voice             varchar(64)  NOT NULL,
    persona           varchar(32)  NOT NULL,
    language          varchar(35)  NOT NULL,
    transport         varchar(8)   NOT NULL CHECK (transport IN ('RELAY', 'WEBRTC')),
    created_at        timestamptz  NOT NULL,
    started_at        timestamptz,
    ended_at          timestamptz,
    expires_at        timestamptz  NOT NULL,
    last_activity_at  timestamptz  NOT NULL,
    duration_seconds  double precision GENERATED ALWAYS AS (EXTRACT(EPOCH FROM (ended_at - started_at))) STORED,
    call_id           varchar(256),
    audio_seconds_in  double precision NOT NULL CHECK (audio_seconds_in >= 0),
    audio_seconds_out double precision NOT NULL CHECK (audio_seconds_out >= 0),
    tokens_in         bigint       NOT NULL CHECK (tokens_in >= 0),
    tokens_out        bigint       NOT NULL CHECK (tokens_out >= 0),
    cost_micros       bigint       NOT NULL CHECK (cost_micros >= 0),
    end_reason        varchar(24),
    -- Which of the user's open-session slots this session occupies (1..maxOpenPerUser when it was created).
    -- With the product's limit of one open session per user every session takes slot 1, so the unique index
    -- below lets the database itself refuse a second open session of a user.
    open_slot         smallint     NOT NULL DEFAULT 1 CHECK (open_slot >= 1),
    CHECK ((status IN ('CREATED', 'ACTIVE')) = (ended_at IS NULL)),
    CHECK ((status IN ('CREATED', 'ACTIVE')) = (end_reason IS NULL)),
    CHECK (status <> 'ACTIVE' OR started_at IS NOT NULL)
);
-- At most one open (CREATED or ACTIVE) session per user and slot: with maxOpenPerUser = 1, one per user.
CREATE UNIQUE INDEX voice_sessions_one_open_per_user
    ON voice_sessions (user_id, open_slot) WHERE status IN ('CREATED', 'ACTIVE');
CREATE INDEX voice_sessions_user_created ON voice_sessions (user_id, created_at DESC);
-- openExpiringBefore(): the sweeper's scan
CREATE INDEX voice_sessions_open_expiry ON voice_sessions (expires_at) WHERE status IN ('CREATED', 'ACTIVE');

-- Plans ------------------------------------------------------------------------------------------------------------

CREATE TABLE plans (
    id                     uuid         PRIMARY KEY,
    user_id                varchar(255) COLLATE "C" NOT NULL,
    kind                   varchar(16)  NOT NULL CHECK (kind IN ('WORKOUT', 'NUTRITION')),
    version                integer      NOT NULL CHECK (version > 0),
    status                 varchar(16)  NOT NULL CHECK (status IN ('ACTIVE', 'SUPERSEDED')),
    source_conversation_id uuid,
    body                   jsonb        NOT NULL CHECK (jsonb_typeof(body) = 'object'),
    created_at             timestamptz  NOT NULL,
    CONSTRAINT plans_user_kind_version UNIQUE (user_id, kind, version)
);
-- exactly one plan of each kind in force per user
CREATE UNIQUE INDEX plans_one_active_per_user_kind ON plans (user_id, kind) WHERE status = 'ACTIVE';
CREATE INDEX plans_user_created ON plans (user_id, created_at DESC, version DESC);

-- Usage, feedback, follow-ups --------------------------------------------------------------------------------------

CREATE TABLE usage_entries (
    id                  uuid         PRIMARY KEY,
    user_id             varchar(255) COLLATE "C" NOT NULL,
    voice_session_id    uuid,
    conversation_id     uuid,
    model               varchar(128) NOT NULL,
    input_tokens        bigint       NOT NULL CHECK (input_tokens >= 0),
    cached_input_tokens bigint       NOT NULL CHECK (cached_input_tokens >= 0),
    output_tokens       bigint       NOT NULL CHECK (output_tokens >= 0),
    audio_input_tokens  bigint       NOT NULL CHECK (audio_input_tokens >= 0),
    audio_output_tokens bigint       NOT NULL CHECK (audio_output_tokens >= 0),
    audio_seconds_in    double precision NOT NULL CHECK (audio_seconds_in >= 0),
    audio_seconds_out   double precision NOT NULL CHECK (audio_seconds_out >= 0),
    cost_micros         bigint       NOT NULL CHECK (cost_micros >= 0),
    occurred_at         timestamptz  NOT NULL
);
-- summarize(), costSince(), countResponsesSince(), entriesOf()
CREATE INDEX usage_entries_user_time ON usage_entries (user_id, occurred_at);
-- summarizeSession()
CREATE INDEX usage_entries_user_session ON usage_entries (user_id, voice_session_id) WHERE voice_session_id IS NOT NULL;

CREATE TABLE feedback (
    id          uuid         PRIMARY KEY,
    user_id     varchar(255) COLLATE "C" NOT NULL,
    target_type varchar(16)  NOT NULL CHECK (target_type IN ('MESSAGE', 'VOICE_SESSION')),
    target_id   uuid         NOT NULL,
    rating      varchar(8)   NOT NULL CHECK (rating IN ('UP', 'DOWN')),
    comment     varchar(2000),
    created_at  timestamptz  NOT NULL,
    -- one feedback per user and target; the latest replaces the earlier
    CONSTRAINT feedback_user_target UNIQUE (user_id, target_type, target_id)
);
CREATE INDEX feedback_user_created ON feedback (user_id, created_at);

CREATE TABLE follow_ups (
    id                     uuid         PRIMARY KEY,
    user_id                varchar(255) COLLATE "C" NOT NULL,
    due_at                 timestamptz  NOT NULL,
    topic                  varchar(500) NOT NULL,
    status                 varchar(16)  NOT NULL CHECK (status IN ('SCHEDULED', 'COMPLETED', 'CANCELLED')),
    source_conversation_id uuid,
    created_at             timestamptz  NOT NULL,
    completed_at           timestamptz,
    CHECK ((status = 'COMPLETED') = (completed_at IS NOT NULL))
);
-- list(): earliest due first; due(): the scheduled ones only
CREATE INDEX follow_ups_user_due ON follow_ups (user_id, due_at);
CREATE INDEX follow_ups_user_scheduled_due ON follow_ups (user_id, due_at) WHERE status = 'SCHEDULED';
