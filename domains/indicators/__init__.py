"""Public-health indicators: regions, indicators and their values."""
