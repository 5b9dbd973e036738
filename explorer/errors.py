"""Errors the user can cause and fix: each message names the problem (file, key, value, allowed range)."""


class ExplorerError(ValueError):
    """Base class for every error caused by input. The message names the file's keys (it is read by
    whoever writes scenario files and by the command line); ``for_people`` says the same with the
    window's labels and the fix, where one is known."""

    def __init__(self, message: str, *, user: str | None = None):
        super().__init__(message)
        self.user = user

    @property
    def for_people(self) -> str:
        return self.user or str(self)


class ScenarioError(ExplorerError):
    """A scenario value or scenario file is invalid."""


class CatalogError(ExplorerError):
    """A chip catalog file is invalid."""


class OutputError(ExplorerError):
    """A file could not be written (no permission, missing folder, disk full)."""
