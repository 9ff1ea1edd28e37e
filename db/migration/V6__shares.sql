-- Read-only links an owner made for one of their results (/shared.xhtml?key=...). One link per
-- recording: sharing again replaces the key. Like api_tokens, only the key's SHA-256 is stored, so
-- a copy of the database opens no result. Deleting the recording (or its owner) deletes the link.
CREATE TABLE shares (
    recording_id uuid        PRIMARY KEY REFERENCES recordings (id) ON DELETE CASCADE,
    -- Lower-case hex SHA-256 of the key; doubles as the index for "which result is this link?".
    key_hash     char(64)    NOT NULL CHECK (key_hash ~ '^[0-9a-f]{64}$'),
    created_at   timestamptz NOT NULL,
    CONSTRAINT shares_key_hash_key UNIQUE (key_hash)
);
