"""Re-parse WARC archives with today's parsers: ``newscrawl reparse`` (see run.py)."""
