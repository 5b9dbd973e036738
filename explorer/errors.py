"""Errors the user can cause and fix: each message names the problem (file, key, value, allowed range)."""

from .i18n import tr


class ExplorerError(ValueError):
    """Base class for every error caused by input. The message names the file's keys (it is read by
    whoever writes scenario files and by the command line); ``for_people`` says the same with the
    window's labels and the fix, where one is known."""

    def __init__(self, message: str, *, user: str | None = None):
        super().__init__(clip(message, MESSAGE_LIMIT))
        self.user = clip(user, MESSAGE_LIMIT) if user else user

    @property
    def for_people(self) -> str:
        return self.user or str(self)


class ScenarioError(ExplorerError):
    """A scenario value or scenario file is invalid."""


class CatalogError(ExplorerError):
    """A chip catalog file is invalid."""


class OutputError(ExplorerError):
    """A file could not be written (no permission, missing folder, disk full)."""


class WriteFailed(OutputError):
    """The file system refused a write that was asked for properly (the command line then prints no
    usage: the command was right, the target was not)."""


MESSAGE_LIMIT = 2000  # a message quotes a file's text; past this it is cut (it is read, not searched)


def clip(text: str, limit: int = 60) -> str:
    """Text as a message quotes it: whole when short, else cut with '…' and its length (at most
    ``limit`` characters in all, unless ``limit`` is tiny)."""
    text = str(text)
    if len(text) <= limit:
        return text
    suffix = tr("… ({count} characters)").format(count=f"{len(text):,}")
    return text[:max(limit - len(suffix), 1)] + suffix


def bad_character(text: str, multiline: bool = False) -> str | None:
    """Why ``text`` cannot be taken in, or None: a character no file or export can hold (a lone
    surrogate, which UTF-8 cannot encode) or a control character (Excel and the PDF refuse them;
    tabs and line breaks are fine where ``multiline``)."""
    for ch in text:
        code = ord(ch)
        if 0xD800 <= code <= 0xDFFF:
            return tr("a character that cannot be saved (U+{code}, half of a pair)").format(code=f"{code:04X}")
        if code < 0x20 or 0x7F <= code < 0xA0:
            if multiline and ch in "\t\n\r":
                continue
            return tr("a control character (U+{code})").format(code=f"{code:04X}")
    return None


def in_sentence(label: str) -> str:
    """A label (an assumption's, a KPI's) inside a running sentence: lower-cased in English ('the
    power draw when busy'), as translated otherwise (a translation keeps its own case: 'GPU数')."""
    shown = tr(label)
    return label.lower() if shown == label else shown
