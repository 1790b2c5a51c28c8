-- articles_fts without the CJK runs (README, "Languages"). unicode61 keeps a run of Han,
-- kana or Hangul as one long token that no search uses (those articles are searched in
-- articles_cjk), and tokenizing and storing such tokens was a third of a CJK import's
-- time and 0.58x its input in the file. The importer now gives articles_fts, for an
-- article with such text, its columns with every run written as one placeholder
-- character (U+E000, private use) and CJK punctuation as a space: as many tokens at the
-- same positions, every Latin word where it was (FullTextForm.swift).
--
-- What articles_fts was given for each such article is kept here, so that the triggers
-- take out of the index exactly what was put in, whatever writes; an article without a
-- row was given its columns as stored. Articles indexed before this migration have no
-- row and keep their entries as they are.
CREATE TABLE fts_forms (
    article_id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    tags TEXT NOT NULL
);

DROP TRIGGER articles_ad;
DROP TRIGGER articles_au;

-- As in 0013, with the form where there is one. A changed article is indexed again as
-- stored (SQL cannot make the form), so its row goes.
CREATE TRIGGER articles_ad AFTER DELETE ON articles
WHEN old.id <= coalesce((SELECT after_id FROM fts_pending), old.id) BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, body, tags)
        SELECT 'delete', old.id, coalesce(f.title, old.title), coalesce(f.body, old.body), coalesce(f.tags, old.tags)
        FROM (SELECT 1) LEFT JOIN fts_forms f ON f.article_id = old.id;
    DELETE FROM fts_forms WHERE article_id = old.id;
    DELETE FROM article_lengths WHERE block = old.id >> 12;
END;
CREATE TRIGGER articles_au AFTER UPDATE OF title, body, tags ON articles
WHEN old.id <= coalesce((SELECT after_id FROM fts_pending), old.id) BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, body, tags)
        SELECT 'delete', old.id, coalesce(f.title, old.title), coalesce(f.body, old.body), coalesce(f.tags, old.tags)
        FROM (SELECT 1) LEFT JOIN fts_forms f ON f.article_id = old.id;
    DELETE FROM fts_forms WHERE article_id = old.id;
    INSERT INTO articles_fts(rowid, title, body, tags) VALUES (new.id, new.title, new.body, new.tags);
    DELETE FROM article_lengths WHERE block = old.id >> 12;
END;
