"""Files on disk: the exercise library and session files, read safely, written atomically."""
