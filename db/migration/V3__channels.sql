-- Channels analysed separately (channels=separate): one entry per source channel,
-- [{"channel": 0, "probabilities": [six numbers] or null, "segments": [...], "timeline": [...]}],
-- segments and timeline in the timeline column's shape; null probabilities for a channel without
-- speech. Empty for mixed audio, as every prediction before it.
ALTER TABLE predictions
    ADD COLUMN channels jsonb NOT NULL DEFAULT '[]'::jsonb
        CHECK (jsonb_typeof(channels) = 'array');
