-- Background jobs: a batch of uploads analysed by whichever instance's worker picks the job up.
-- files: [{"name", "contentType", "blob" (while waiting), "recording", "emotion", "confidence",
-- "error", "message"}, ...]; a file's audio waits under its blob key until it is analysed.
CREATE TABLE jobs (
    id            uuid        PRIMARY KEY,
    -- NULL for an anonymous job, which anyone holding its id may read.
    owner_id      uuid        REFERENCES users (id) ON DELETE CASCADE,
    -- Who the per-client limit counts it against: the account, else the network address.
    client_key    varchar(200) NOT NULL,
    state         varchar(16) NOT NULL CHECK (state IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    channels      varchar(16) NOT NULL CHECK (channels IN ('mixed', 'separate')),
    files         jsonb       NOT NULL CHECK (jsonb_typeof(files) = 'array'),
    callback      varchar(2048),
    attempts      integer     NOT NULL DEFAULT 0,
    error_code    varchar(64),
    error_message varchar(1024),
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL
);

CREATE INDEX jobs_owner_created_idx ON jobs (owner_id, created_at DESC) WHERE owner_id IS NOT NULL;
CREATE INDEX jobs_created_idx ON jobs (created_at);
CREATE INDEX jobs_client_unfinished_idx ON jobs (client_key) WHERE state IN ('QUEUED', 'RUNNING');

-- db-scheduler's queue (com.github.kagkarlsson:db-scheduler 16, PostgreSQL): one row per job
-- waiting or running; the instances of the application poll it and lock a row to run it.
CREATE TABLE scheduled_tasks (
    task_name            text                     NOT NULL,
    task_instance        text                     NOT NULL,
    task_data            bytea,
    execution_time       timestamp with time zone NOT NULL,
    picked               boolean                  NOT NULL,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures integer,
    last_heartbeat       timestamp with time zone,
    version              bigint                   NOT NULL,
    priority             smallint,
    PRIMARY KEY (task_name, task_instance)
);

CREATE INDEX execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);
