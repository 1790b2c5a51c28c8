-- The archive's first schema. Documented for SQL users in README.md ("Schema").
-- A shipped migration is never edited: changes go into a new NNNN_name.sql file.

-- 'ARCV': marks the file as an archive, so other SQLite files are told apart.
PRAGMA application_id = 1095910230;

-- Every dump file read, with what is needed to skip it when unchanged and to read only
-- the new part when it has grown.
CREATE TABLE files (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL,                     -- absolute path; '-' for standard input
    format TEXT NOT NULL,                   -- text | jsonl | csv
    size INTEGER NOT NULL,                  -- bytes of the version last imported (or being imported)
    sha256 BLOB NOT NULL,                   -- SHA-256 of those bytes
    status TEXT NOT NULL CHECK (status IN ('importing', 'complete')),
    resume_offset INTEGER NOT NULL DEFAULT 0, -- importing: all before it is in; complete: where a grown file is read from
    resume_line INTEGER NOT NULL DEFAULT 1,   -- line number at resume_offset
    records INTEGER NOT NULL DEFAULT 0,     -- totals over every import of this path
    inserted INTEGER NOT NULL DEFAULT 0,
    duplicates INTEGER NOT NULL DEFAULT 0,
    errors INTEGER NOT NULL DEFAULT 0,
    first_imported_at TEXT NOT NULL,
    last_imported_at TEXT NOT NULL
);
CREATE UNIQUE INDEX files_path ON files(path) WHERE path <> '-';
CREATE INDEX files_content ON files(size, sha256);

CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    tags TEXT NOT NULL DEFAULT '[]'         -- JSON array of strings, in the dump's order
        CHECK (json_valid(tags) AND json_type(tags) = 'array'),
    published TEXT,                         -- ISO 8601 YYYY-MM-DDTHH:MM:SS; NULL when unknown
    published_raw TEXT,                     -- the date exactly as the dump gave it
    url TEXT,
    source TEXT,
    header TEXT,                            -- text dumps: the header line as read, before splitting
    fingerprint BLOB NOT NULL,              -- SHA-256 of the normalized title and body
    imported_at TEXT NOT NULL
);
CREATE UNIQUE INDEX articles_fingerprint ON articles(fingerprint);
CREATE INDEX articles_published ON articles(published);

-- One row per article and tag, kept in step with articles.tags by the triggers below.
CREATE TABLE article_tags (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    tag TEXT NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (article_id, tag)
) WITHOUT ROWID;
CREATE INDEX article_tags_tag ON article_tags(tag COLLATE NOCASE, article_id);

-- Where every copy of an article was read: one row per file, place and article (a place
-- read again after the file grew may now hold a longer version of a cut-short record).
CREATE TABLE sightings (
    file_id INTEGER NOT NULL REFERENCES files(id),
    byte_offset INTEGER NOT NULL,
    line INTEGER NOT NULL,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    seen_at TEXT NOT NULL,
    PRIMARY KEY (file_id, byte_offset, article_id)
) WITHOUT ROWID;
CREATE INDEX sightings_article ON sightings(article_id);

-- Records that could not be imported, with their bytes, so nothing is lost.
CREATE TABLE import_errors (
    id INTEGER PRIMARY KEY,
    file_id INTEGER REFERENCES files(id),
    path TEXT NOT NULL,
    line INTEGER,
    byte_offset INTEGER,
    message TEXT NOT NULL,
    raw BLOB,
    created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX import_errors_place ON import_errors(path, byte_offset, message);

-- Full-text index over the articles table. content="articles" is written with double
-- quotes on purpose: Datasette and sqlite-utils recognise the index by that pattern.
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, body, tags,
    content="articles", content_rowid="id",
    tokenize='porter unicode61 remove_diacritics 2'
);
-- Default ranking for anyone who writes ORDER BY rank: the title counts most.
INSERT INTO articles_fts(articles_fts, rank) VALUES ('rank', 'bm25(10.0, 1.0, 4.0)');

-- The triggers keep the index and article_tags in step with articles, whatever writes.
CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, body, tags) VALUES (new.id, new.title, new.body, new.tags);
    INSERT OR IGNORE INTO article_tags(article_id, tag, position)
        SELECT new.id, value, key FROM json_each(new.tags) WHERE type = 'text';
END;
CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, body, tags)
        VALUES ('delete', old.id, old.title, old.body, old.tags);
    DELETE FROM article_tags WHERE article_id = old.id;
    DELETE FROM sightings WHERE article_id = old.id;
END;
CREATE TRIGGER articles_au AFTER UPDATE OF title, body, tags ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, body, tags)
        VALUES ('delete', old.id, old.title, old.body, old.tags);
    INSERT INTO articles_fts(rowid, title, body, tags) VALUES (new.id, new.title, new.body, new.tags);
    DELETE FROM article_tags WHERE article_id = old.id;
    INSERT OR IGNORE INTO article_tags(article_id, tag, position)
        SELECT new.id, value, key FROM json_each(new.tags) WHERE type = 'text';
END;
