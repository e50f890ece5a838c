"""The one root exception and its few subclasses; the CLI catches only the root."""


def first_line(e: BaseException) -> str:
    """An exception's message cut to its first line (engines and drivers add pages), or its type's name."""
    return str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__


class CouncilGraphError(Exception):
    """Anything councilgraph reports to the user as a one-line error."""


class LoaderError(CouncilGraphError):
    """A document cannot be read; the message names the file and the problem."""

    def __init__(self, path: object, problem: str):
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


class StoreError(CouncilGraphError):
    """The graph store refused or failed an operation."""


class UnknownQuery(CouncilGraphError):
    """A canned query name that is not in the catalogue."""


class QueryError(CouncilGraphError):
    """A query that cannot be run as asked (bad parameter, a write in read-only mode)."""
