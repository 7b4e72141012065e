"""Language analysis of stored articles: the spaCy pipeline, the gazetteer, actors, quotes and
dated events.
"""
