"""One exception family, each with a message a user can act on."""

from __future__ import annotations


class BiasError(Exception):
    """Base class of every error `bias` raises on purpose."""


class InputError(BiasError):
    """An input file or record cannot be analysed. ``path`` names it; ``str()`` says why."""

    def __init__(self, path: str, problem: str, line: int | None = None) -> None:
        self.path = path
        self.problem = problem
        self.line = line
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {problem}")


class OutputError(BiasError):
    """An output cannot be written (exists and --force not given, folder missing, ...)."""


class LexiconError(BiasError):
    """A lexicon file is malformed. The message names the file and the line."""

    def __init__(self, path: str, problem: str, line: int | None = None) -> None:
        self.path = path
        self.line = line
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {problem}")
