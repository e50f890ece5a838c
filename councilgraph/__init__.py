"""councilgraph: turn the minutes of UK council meetings into a graph of who committed to what."""

__version__ = "0.1.0"
