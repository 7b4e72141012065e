"""Answering questions: understanding a question, ranking the archive, answers with their
sentences, profiles.
"""
