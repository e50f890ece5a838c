"""The graph model, its stores and its exports."""
