-- Each article's length in tokens, as ranking needs it, packed for a new process to
-- read quickly. bm25 weighs a match by the length of its article, and FTS5 keeps that
-- length one row per article in articles_fts_docsize; a search of a common word ranks
-- thousands of matches spread over the whole table, and a new process (every
-- `archive search`) read most of its pages one by one: two thirds of a whole-process
-- search of 1,000,000 articles (README, "Performance"). Here one row holds the lengths
-- of 4,096 consecutive ids, so the same search reads a few hundred pages instead.
--
-- lengths: for the ids block * 4096 onwards, one little-endian 16-bit count each, the
-- sum of the article's columns in articles_fts_docsize. 0 means unknown (no article,
-- or not indexed when the block was written) and 65535 a length that does not fit; the
-- ranking function asks FTS5 for those, and for every id the blob does not reach or
-- whose block is missing. The importer and `archive repair` write the blocks from
-- articles_fts_docsize (RankLengths.swift); a block is only ever right or missing.
CREATE TABLE article_lengths (
    block INTEGER PRIMARY KEY,
    lengths BLOB NOT NULL
);

-- The same for articles_cjk, whose lengths count its character pairs. Nothing else
-- needs to drop its blocks: another program's change to an article of that index makes
-- the archive rebuild the whole index (CJKIndex), which empties this table too.
CREATE TABLE cjk_article_lengths (
    block INTEGER PRIMARY KEY,
    lengths BLOB NOT NULL
);

-- Whatever else writes an article's text (another program, a repair) drops the block
-- that holds its length; the next import or `archive repair` writes it again. The
-- triggers that keep articles_fts in step do it, so no write pays for another trigger.
DROP TRIGGER articles_ai;
DROP TRIGGER articles_ad;
DROP TRIGGER articles_au;

CREATE TRIGGER articles_ai AFTER INSERT ON articles
WHEN new.id <= coalesce((SELECT after_id FROM fts_pending), new.id) BEGIN
    INSERT INTO articles_fts(rowid, title, body, tags) VALUES (new.id, new.title, new.body, new.tags);
    DELETE FROM article_lengths WHERE block = new.id >> 12;
END;
CREATE TRIGGER articles_ad AFTER DELETE ON articles
WHEN old.id <= coalesce((SELECT after_id FROM fts_pending), old.id) BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, body, tags)
        VALUES ('delete', old.id, old.title, old.body, old.tags);
    DELETE FROM article_lengths WHERE block = old.id >> 12;
END;
CREATE TRIGGER articles_au AFTER UPDATE OF title, body, tags ON articles
WHEN old.id <= coalesce((SELECT after_id FROM fts_pending), old.id) BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, body, tags)
        VALUES ('delete', old.id, old.title, old.body, old.tags);
    INSERT INTO articles_fts(rowid, title, body, tags) VALUES (new.id, new.title, new.body, new.tags);
    DELETE FROM article_lengths WHERE block = old.id >> 12;
END;
