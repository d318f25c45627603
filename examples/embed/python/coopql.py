"""CoopQL from Python through its C library, with ctypes only.

    import coopql
    db = coopql.connect("examples/data")          # or coopql.connect() for no data and no files
    rows = db.query("cooperatives | where members >= $min | select name", min=20)
    # -> [{"name": "HTX ..."}, ...]

Errors raise coopql.Error with .kind, .line, .column and .suggestion. The library is found
through COOPQL_LIBRARY (a path to libcoopql_c.so) or next to this file.
"""
import ctypes
import datetime
import json
import os

__all__ = ["connect", "Connection", "Error"]


class Error(Exception):
    """A CoopQL error: kind ("syntax", "name", "type", "runtime", "data", "usage", "limit"),
    message, 1-based line and column (0 when unknown) and a suggested fix (or None)."""

    def __init__(self, kind, message, line=0, column=0, suggestion=None):
        super().__init__(f"{kind} error at {line}:{column}: {message}")
        self.kind, self.message, self.line, self.column, self.suggestion = kind, message, line, column, suggestion


def _load():
    path = os.environ.get("COOPQL_LIBRARY") or os.path.join(os.path.dirname(__file__), "libcoopql_c.so")
    lib = ctypes.CDLL(path)
    p, i, i64, d, s = ctypes.c_void_p, ctypes.c_int, ctypes.c_int64, ctypes.c_double, ctypes.c_char_p
    signatures = {
        "coopql_open": (p, []), "coopql_close": (None, [p]),
        "coopql_load_directory": (i, [p, s]), "coopql_load_file": (i, [p, s, s]),
        "coopql_allow_directory": (i, [p, s]),
        "coopql_set_limits": (i, [p, i64, i64, i64, d]), "coopql_cancel": (None, [p]),
        "coopql_prepare": (p, [p, s]), "coopql_query_free": (None, [p]),
        "coopql_bind_int": (i, [p, s, i64]), "coopql_bind_double": (i, [p, s, d]),
        "coopql_bind_text": (i, [p, s, s]), "coopql_bind_bool": (i, [p, s, i]),
        "coopql_bind_date": (i, [p, s, i, i, i]), "coopql_bind_null": (i, [p, s]),
        "coopql_execute": (p, [p]), "coopql_result_free": (None, [p]),
        # An owned string: kept as a raw pointer so it can be given back to coopql_free.
        "coopql_result_json": (p, [p]), "coopql_free": (None, [p]),
        "coopql_error_message": (s, [p]), "coopql_error_kind": (s, [p]),
        "coopql_error_suggestion": (s, [p]), "coopql_error_line": (i, [p]), "coopql_error_column": (i, [p]),
    }
    for name, (restype, argtypes) in signatures.items():
        f = getattr(lib, name)
        f.restype, f.argtypes = restype, argtypes
    return lib


_lib = None


def _library():
    global _lib
    if _lib is None:
        _lib = _load()
    return _lib


def connect(data=None, allow=()):
    """Opens an engine; loads the data folder `data` if given; `allow` lists folders that
    queries may import from (none by default)."""
    return Connection(data, allow)


class Connection:
    """One engine. Use it from one thread at a time; `cancel()` may come from another."""

    def __init__(self, data=None, allow=()):
        self._lib = _library()
        self._db = self._lib.coopql_open()
        if data is not None:
            self._check(self._lib.coopql_load_directory(self._db, data.encode()))
        for folder in allow:
            self._check(self._lib.coopql_allow_directory(self._db, folder.encode()))

    def close(self):
        if self._db:
            self._lib.coopql_close(self._db)
            self._db = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __del__(self):
        self.close()

    def set_limits(self, steps=0, rows=0, bytes=0, timeout=0.0):
        """Per-run limits; 0 means none. A run over one raises Error with kind "limit"."""
        self._check(self._lib.coopql_set_limits(self._db, steps, rows, bytes, float(timeout)))

    def cancel(self):
        self._lib.coopql_cancel(self._db)

    def load_file(self, path, table=None):
        self._check(self._lib.coopql_load_file(self._db, path.encode(), table.encode() if table else None))

    def query(self, text, **params):
        """Runs a query with parameters read as $name; returns a list of dicts for a table, or
        the value itself for a single value."""
        lib = self._lib
        q = lib.coopql_prepare(self._db, text.encode("utf-8", "surrogateescape"))
        if not q:
            self._raise()
        try:
            for name, value in params.items():
                self._check(self._bind(q, name.encode(), value))
            r = lib.coopql_execute(q)
            if not r:
                self._raise()
            try:
                raw = lib.coopql_result_json(r)
                try:
                    return json.loads(ctypes.string_at(raw).decode())
                finally:
                    lib.coopql_free(raw)
            finally:
                lib.coopql_result_free(r)
        finally:
            lib.coopql_query_free(q)

    def _bind(self, q, name, value):
        lib = self._lib
        if value is None:
            return lib.coopql_bind_null(q, name)
        if isinstance(value, bool):
            return lib.coopql_bind_bool(q, name, int(value))
        if isinstance(value, int):
            return lib.coopql_bind_int(q, name, value)
        if isinstance(value, float):
            return lib.coopql_bind_double(q, name, value)
        if isinstance(value, datetime.date):
            return lib.coopql_bind_date(q, name, value.year, value.month, value.day)
        return lib.coopql_bind_text(q, name, str(value).encode())

    def _check(self, status):
        if status != 0:
            self._raise()

    def _raise(self):
        lib = self._lib
        text = lambda b: b.decode() if b is not None else None
        raise Error(text(lib.coopql_error_kind(self._db)) or "usage", text(lib.coopql_error_message(self._db)) or "",
                    lib.coopql_error_line(self._db), lib.coopql_error_column(self._db),
                    text(lib.coopql_error_suggestion(self._db)))
