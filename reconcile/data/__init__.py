"""Data that ships with reconcile: the ministry table and the built-in AI-fabriek announcement."""
