"""Exporting a chat's archive as JSON lines, CSV or Markdown, streamed to a file or a stream.

`exporting` is the use case (`export_archive`, `export_to_file`), `request` reads what was asked
(format and days), `records` shapes an article for JSON and CSV, `markdown` writes the dossier.
Nothing here imports spaCy or Telegram: `python -m bot export` starts without either.
"""
