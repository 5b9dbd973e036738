"""Errors the user can cause and fix: each message names the problem (file, key, value, allowed range)."""


class ExplorerError(ValueError):
    """Base class for every error caused by input; the message is meant for the user."""


class ScenarioError(ExplorerError):
    """A scenario value or scenario file is invalid."""


class CatalogError(ExplorerError):
    """A chip catalog file is invalid."""


class OutputError(ExplorerError):
    """A file could not be written (no permission, missing folder, disk full)."""
