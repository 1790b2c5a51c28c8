-- Near duplicates: versions of one story (retitled, edited, cut short) are kept, each
-- linked to the story's canonical version. See README, "Keeping each article once".

-- The canonical version's id; NULL for a canonical or unique article.
ALTER TABLE articles ADD COLUMN duplicate_of INTEGER;
-- How close this version is to the version it was matched with, by `match_rule`:
-- 'jaccard' (shingle Jaccard) or 'containment' (share of the shorter text's shingles
-- found in the longer: a copy cut short).
ALTER TABLE articles ADD COLUMN similarity REAL;
ALTER TABLE articles ADD COLUMN match_rule TEXT CHECK (match_rule IN ('jaccard', 'containment'));
CREATE INDEX articles_versions ON articles(duplicate_of) WHERE duplicate_of IS NOT NULL;

-- Candidate lookup: each article filed under its 16 LSH band keys and its lead key.
CREATE TABLE near_keys (
    key INTEGER NOT NULL,
    article_id INTEGER NOT NULL,
    PRIMARY KEY (key, article_id)
) WITHOUT ROWID;

-- The thresholds in force, and the progress of an `archive dedup` run: while status is
-- 'running', articles with id below next_article_id have been checked.
CREATE TABLE dedup_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    jaccard REAL NOT NULL,
    containment REAL NOT NULL,
    minimum_shingles INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('complete', 'running')),
    next_article_id INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL
);
-- An archive that already holds articles has not been checked: leave a run pending.
INSERT INTO dedup_state (id, jaccard, containment, minimum_shingles, status, next_article_id, updated_at)
VALUES (1, 0.8, 0.9, 50,
        CASE WHEN EXISTS (SELECT 1 FROM articles) THEN 'running' ELSE 'complete' END, 0,
        strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));

-- Deleting a version (with another tool) must not leave links to nothing.
DROP TRIGGER articles_ad;
CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, body, tags)
        VALUES ('delete', old.id, old.title, old.body, old.tags);
    DELETE FROM article_tags WHERE article_id = old.id;
    DELETE FROM sightings WHERE article_id = old.id;
    UPDATE articles SET duplicate_of = NULL, similarity = NULL, match_rule = NULL WHERE duplicate_of = old.id;
END;
