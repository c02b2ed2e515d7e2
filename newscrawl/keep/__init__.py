"""Keep: what happens to a record after parsing (validate, dedupe, remember, write) and the
run's accounting (state, per-run output, reports)."""
