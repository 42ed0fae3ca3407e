"""Domain dataclasses, the error tree, settings and component registries."""
