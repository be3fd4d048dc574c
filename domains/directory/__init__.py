"""The staff directory: people and departments."""
