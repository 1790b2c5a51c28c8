-- Imports index new articles for full-text search on the writing thread while the
-- reading thread parses, in large chunks, instead of row by row in a trigger. While a
-- row is in fts_pending, articles with an id above after_id are not yet in
-- articles_fts; the triggers below keep everything at or below it in step, whatever
-- writes. The importer indexes the rest and removes the row; a row left by an import
-- that was killed tells the next import (or `archive repair`) where to carry on.
CREATE TABLE fts_pending (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    after_id INTEGER NOT NULL,
    since TEXT NOT NULL
);

-- Chunks of new articles make fewer, larger index segments with a larger in-memory
-- buffer (the default is 1 MB).
INSERT INTO articles_fts(articles_fts, rank) VALUES ('hashsize', 16777216);

DROP TRIGGER articles_ai;
DROP TRIGGER articles_ad;
DROP TRIGGER articles_au;

-- The full-text index, kept in step with articles whatever writes, except for rows
-- still pending.
CREATE TRIGGER articles_ai AFTER INSERT ON articles
WHEN new.id <= coalesce((SELECT after_id FROM fts_pending), new.id) BEGIN
    INSERT INTO articles_fts(rowid, title, body, tags) VALUES (new.id, new.title, new.body, new.tags);
END;
CREATE TRIGGER articles_ad AFTER DELETE ON articles
WHEN old.id <= coalesce((SELECT after_id FROM fts_pending), old.id) BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, body, tags)
        VALUES ('delete', old.id, old.title, old.body, old.tags);
END;
CREATE TRIGGER articles_au AFTER UPDATE OF title, body, tags ON articles
WHEN old.id <= coalesce((SELECT after_id FROM fts_pending), old.id) BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, body, tags)
        VALUES ('delete', old.id, old.title, old.body, old.tags);
    INSERT INTO articles_fts(rowid, title, body, tags) VALUES (new.id, new.title, new.body, new.tags);
END;

-- Tag rows, sightings and version links, always kept in step.
CREATE TRIGGER articles_tags_ai AFTER INSERT ON articles BEGIN
    INSERT OR IGNORE INTO article_tags(article_id, tag, position)
        SELECT new.id, value, key FROM json_each(new.tags) WHERE type = 'text';
END;
CREATE TRIGGER articles_tags_ad AFTER DELETE ON articles BEGIN
    DELETE FROM article_tags WHERE article_id = old.id;
    DELETE FROM sightings WHERE article_id = old.id;
    UPDATE articles SET duplicate_of = NULL, similarity = NULL, match_rule = NULL WHERE duplicate_of = old.id;
END;
CREATE TRIGGER articles_tags_au AFTER UPDATE OF tags ON articles BEGIN
    DELETE FROM article_tags WHERE article_id = old.id;
    INSERT OR IGNORE INTO article_tags(article_id, tag, position)
        SELECT new.id, value, key FROM json_each(new.tags) WHERE type = 'text';
END;
