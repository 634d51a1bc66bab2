"""What a run prints: output formats and baselines."""
