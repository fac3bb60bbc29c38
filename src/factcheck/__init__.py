"""factcheck: verify the figures in press releases against each other and their sources."""

__version__ = "0.1.0"
