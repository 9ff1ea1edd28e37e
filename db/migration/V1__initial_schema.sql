-- The SER history: accounts, analysed recordings with their predictions, the sample library,
-- personal API tokens and the admin audit log. Audio bytes live in the blob store; rows hold
-- only their keys. Every timestamp is timestamptz (UTC in, UTC out).

CREATE TABLE users (
    id            uuid         PRIMARY KEY,
    username      varchar(254) NOT NULL,
    password_hash varchar(512) NOT NULL,
    role          varchar(16)  NOT NULL CHECK (role IN ('USER', 'ADMIN')),
    created_at    timestamptz  NOT NULL,
    -- The application lower-cases usernames; the check keeps other writers honest.
    CONSTRAINT users_username_lower CHECK (username = lower(username)),
    CONSTRAINT users_username_key UNIQUE (username)
);

CREATE TABLE sample_recordings (
    id               uuid             PRIMARY KEY,
    name             varchar(200)     NOT NULL,
    expected_emotion varchar(16)      NOT NULL
        CHECK (expected_emotion IN ('ANGER', 'DISGUST', 'FEAR', 'HAPPY', 'NEUTRAL', 'SAD')),
    published        boolean          NOT NULL DEFAULT false,
    blob_key         varchar(512)     NOT NULL,
    content_type     varchar(128)     NOT NULL,
    format           varchar(32)      NOT NULL,
    duration_seconds double precision NOT NULL CHECK (duration_seconds > 0),
    size_bytes       bigint           NOT NULL CHECK (size_bytes > 0),
    usage_count      bigint           NOT NULL DEFAULT 0 CHECK (usage_count >= 0),
    created_at       timestamptz      NOT NULL,
    CONSTRAINT sample_recordings_blob_key_key UNIQUE (blob_key)
);

CREATE INDEX sample_recordings_published_idx ON sample_recordings (published, name);

CREATE TABLE recordings (
    id                uuid             PRIMARY KEY,
    -- NULL for an anonymous visitor. Deleting a user goes through the application, which also
    -- deletes the blobs; the cascade only guarantees no recording outlives its owner.
    owner_id          uuid             REFERENCES users (id) ON DELETE CASCADE,
    source            varchar(16)      NOT NULL CHECK (source IN ('UPLOAD', 'RECORD', 'SAMPLE')),
    -- For source SAMPLE: the sample whose blob this recording shares (kept after the sample is
    -- deleted, so the history entry still plays).
    sample_id         uuid             REFERENCES sample_recordings (id) ON DELETE SET NULL,
    blob_key          varchar(512)     NOT NULL,
    content_type      varchar(128)     NOT NULL,
    format            varchar(32)      NOT NULL,
    duration_seconds  double precision NOT NULL CHECK (duration_seconds > 0),
    size_bytes        bigint           NOT NULL CHECK (size_bytes > 0),
    original_filename varchar(255),
    created_at        timestamptz      NOT NULL
);

-- "History of user X, newest first", paged.
CREATE INDEX recordings_owner_created_idx ON recordings (owner_id, created_at DESC, id)
    WHERE owner_id IS NOT NULL;
-- Retention: "recordings older than N days".
CREATE INDEX recordings_created_idx ON recordings (created_at);
-- The orphan sweeper and blob deletion ask "does any row still use this key?".
CREATE INDEX recordings_blob_key_idx ON recordings (blob_key);

CREATE TABLE predictions (
    recording_id  uuid             PRIMARY KEY REFERENCES recordings (id) ON DELETE CASCADE,
    p_anger       double precision NOT NULL CHECK (p_anger BETWEEN 0 AND 1),
    p_disgust     double precision NOT NULL CHECK (p_disgust BETWEEN 0 AND 1),
    p_fear        double precision NOT NULL CHECK (p_fear BETWEEN 0 AND 1),
    p_happy       double precision NOT NULL CHECK (p_happy BETWEEN 0 AND 1),
    p_neutral     double precision NOT NULL CHECK (p_neutral BETWEEN 0 AND 1),
    p_sad         double precision NOT NULL CHECK (p_sad BETWEEN 0 AND 1),
    emotion       varchar(16)      NOT NULL
        CHECK (emotion IN ('ANGER', 'DISGUST', 'FEAR', 'HAPPY', 'NEUTRAL', 'SAD')),
    confidence    double precision NOT NULL CHECK (confidence BETWEEN 0 AND 1),
    model_version varchar(100)     NOT NULL,
    duration_seconds double precision NOT NULL CHECK (duration_seconds > 0),
    -- [{"start": s, "end": s, "probabilities": [six numbers in emotion order]}, ...]
    timeline      jsonb            NOT NULL DEFAULT '[]'::jsonb
        CHECK (jsonb_typeof(timeline) = 'array'),
    created_at    timestamptz      NOT NULL,
    CONSTRAINT predictions_sum_to_one
        CHECK (abs(p_anger + p_disgust + p_fear + p_happy + p_neutral + p_sad - 1) < 0.001)
);

CREATE INDEX predictions_emotion_idx ON predictions (emotion);

CREATE TABLE api_tokens (
    id           uuid         PRIMARY KEY,
    owner_id     uuid         NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name         varchar(100) NOT NULL,
    -- Lower-case hex SHA-256 of the whole token; the token itself is never stored.
    token_hash   char(64)     NOT NULL CHECK (token_hash ~ '^[0-9a-f]{64}$'),
    prefix       varchar(16)  NOT NULL,
    created_at   timestamptz  NOT NULL,
    last_used_at timestamptz,
    -- Doubles as the index for "which token is this Bearer header?".
    CONSTRAINT api_tokens_token_hash_key UNIQUE (token_hash)
);

CREATE INDEX api_tokens_owner_idx ON api_tokens (owner_id, created_at DESC);

CREATE TABLE audit_log (
    id         uuid         PRIMARY KEY,
    -- Kept when the admin's account is deleted: the name below still says who it was.
    actor_id   uuid         REFERENCES users (id) ON DELETE SET NULL,
    actor_name varchar(254) NOT NULL,
    action     varchar(64)  NOT NULL,
    target     varchar(255),
    detail     text,
    created_at timestamptz  NOT NULL
);

CREATE INDEX audit_log_created_idx ON audit_log (created_at DESC);
