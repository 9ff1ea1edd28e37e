-- Recordings streamed live over the WebSocket (/api/v1/live) and kept at the client's request.
ALTER TABLE recordings DROP CONSTRAINT recordings_source_check;
ALTER TABLE recordings
    ADD CONSTRAINT recordings_source_check CHECK (source IN ('UPLOAD', 'RECORD', 'SAMPLE', 'LIVE'));
