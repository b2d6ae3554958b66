"""Article analysis: spaCy pipeline components that find attributions and speakers."""
