"""The one error type of the engine: a message that says what to fix and where."""


class ClosingError(Exception):
    """Bad input or a refused option.

    ``source`` is a file name or a command-line option, ``row`` the spreadsheet row
    (header = row 1) and ``field`` the column, where known, so the user can go
    straight to what must be fixed.
    """

    def __init__(self, message, source=None, row=None, field=None):
        super().__init__(message)
        self.message = message
        self.source = source
        self.row = row
        self.field = field

    def located(self, source=None, row=None, field=None):
        """Return a copy located at ``source``/``row``/``field`` where still unknown."""
        return ClosingError(
            self.message,
            self.source or source,
            self.row if self.row is not None else row,
            self.field or field,
        )

    def __str__(self):
        where = []
        if self.source:
            where.append(str(self.source))
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.field:
            where.append(f"field {self.field}")
        return f"{', '.join(where)}: {self.message}" if where else self.message
