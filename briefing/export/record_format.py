"""The name an exported JSON record carries, kept apart so that the importer (loaded in the
reading workers) reads it without loading the export's storage reads."""

EXPORT_FORMAT = "briefing-export/1"
