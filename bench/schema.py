"""What the benchmark takes from the archive's schema, read from migrations/ (the only
place the schema is written), so that the reference tools index as the archive does."""

import glob
import os
import re

MIGRATIONS = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "migrations")

_FTS_TABLE = re.compile(
    r"CREATE\s+VIRTUAL\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?articles_fts\s+USING\s+fts5\s*\((.*?)\)\s*;",
    re.IGNORECASE | re.DOTALL)
_TOKENIZE = re.compile(r"""tokenize\s*=\s*(['"])(.*?)\1""", re.IGNORECASE | re.DOTALL)


def fts_tokenizer(migrations=MIGRATIONS):
    """The tokenize= of articles_fts as the newest migration that creates it writes it."""
    found = None
    for path in sorted(glob.glob(os.path.join(migrations, "*.sql"))):
        with open(path, encoding="utf-8") as f:
            sql = re.sub(r"--[^\n]*", "", f.read())
        for table in _FTS_TABLE.finditer(sql):
            tokenize = _TOKENIZE.search(table.group(1))
            found = tokenize.group(2) if tokenize else "unicode61"  # FTS5's default
    if found is None:
        raise RuntimeError(f"no migration in {migrations} creates articles_fts")
    return found
