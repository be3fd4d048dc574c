"""The medical registries and their rows."""
