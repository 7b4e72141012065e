"""Archiving what users send: parsing, safe fetching, extraction, duplicates, the durable ingest
use case and bulk import.
"""
