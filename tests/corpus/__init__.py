"""Workbooks as real producers write them; see build_corpus.py."""
