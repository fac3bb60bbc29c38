"""Exports: the checked claims in formats made for publishing, one module per format."""
