"""Daily digests: extractive summaries, building a digest for a window, schedules and the delivery
use case.
"""
