-- The stretches of speech a prediction was read in, each with its scores, in the timeline's shape:
-- [{"start": s, "end": s, "probabilities": [six numbers in emotion order]}, ...]; empty for
-- predictions made before speech detection.
ALTER TABLE predictions
    ADD COLUMN segments jsonb NOT NULL DEFAULT '[]'::jsonb
        CHECK (jsonb_typeof(segments) = 'array');
