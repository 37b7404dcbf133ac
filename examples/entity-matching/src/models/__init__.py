"""Models used by the entity-matching notebooks (imported through the synced bundle files)."""
