"""entity_matching: the installable part of the entity-matching project."""

__version__ = "1.0.0"
