-- The articles of each tag and of each month of publication, packed 4,096 ids to a row,
-- for a filtered search to read instead of one index entry per article. A count or the
-- facets of a common word under a tag or a date range test each match against the
-- filter's ids read into bits (FilterSet); at 1,000,000 articles a tag held by a fifth
-- of them was 200,000 index entries, 40 ms, read for every such request (README,
-- "Filters read from packed blocks"). Here the same tag is one row per block.
--
-- filter_bits: kind 0 is a tag, its key the tag with ASCII letters in lower case (as
-- COLLATE NOCASE compares); kind 1 is a month, its key substr(published, 1, 7). bits:
-- for the ids block * 4096 onwards, either 512 bytes, one bit per id (bit i of byte
-- i / 8 for id offset i), or fewer than 512 bytes, each id's offset as a little-endian
-- 16-bit number.
CREATE TABLE filter_bits (
    kind INTEGER NOT NULL,
    key TEXT NOT NULL,
    block INTEGER NOT NULL,
    bits BLOB NOT NULL,
    PRIMARY KEY (kind, key, block)
) WITHOUT ROWID;
CREATE INDEX filter_bits_block ON filter_bits(block);

-- The blocks whose filter_bits rows are complete and right. A block not listed here is
-- read from article_tags and articles as before; the importer and `archive repair`
-- write it (FilterBlocks.swift). Whatever changes an article's tags or date, or adds or
-- removes an article, drops its block here, so a block is only ever right or missing.
CREATE TABLE filter_blocks (
    block INTEGER PRIMARY KEY
);

DROP TRIGGER articles_tags_ai;
DROP TRIGGER articles_tags_ad;

CREATE TRIGGER articles_tags_ai AFTER INSERT ON articles BEGIN
    INSERT OR IGNORE INTO article_tags(article_id, tag, position)
        SELECT new.id, value, key FROM json_each(new.tags) WHERE type = 'text';
    DELETE FROM filter_blocks WHERE block = new.id >> 12;
END;
CREATE TRIGGER articles_tags_ad AFTER DELETE ON articles BEGIN
    DELETE FROM article_tags WHERE article_id = old.id;
    DELETE FROM sightings WHERE article_id = old.id;
    UPDATE articles SET duplicate_of = NULL, similarity = NULL, match_rule = NULL WHERE duplicate_of = old.id;
    DELETE FROM filter_blocks WHERE block = old.id >> 12;
END;
CREATE TRIGGER articles_filter_au AFTER UPDATE OF id, published ON articles BEGIN
    DELETE FROM filter_blocks WHERE block IN (old.id >> 12, new.id >> 12);
END;

-- Tag rows written directly, by another program or a repair.
CREATE TRIGGER article_tags_filter_ai AFTER INSERT ON article_tags BEGIN
    DELETE FROM filter_blocks WHERE block = new.article_id >> 12;
END;
CREATE TRIGGER article_tags_filter_ad AFTER DELETE ON article_tags BEGIN
    DELETE FROM filter_blocks WHERE block = old.article_id >> 12;
END;
CREATE TRIGGER article_tags_filter_au AFTER UPDATE ON article_tags BEGIN
    DELETE FROM filter_blocks WHERE block IN (old.article_id >> 12, new.article_id >> 12);
END;
