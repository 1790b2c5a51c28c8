-- Chinese, Japanese and Korean search (README, "Languages"). articles_fts keeps a run of
-- Han, kana or Hangul as one token, so articles holding such text are indexed a second
-- time here, by the archive, with every run written as overlapping character pairs
-- (人工智能 -> 人工 工智 智能 能) and the text in its NFKC, case-folded form. The
-- built-in tokenizer does the rest, so any SQLite can query this table; the pairs are
-- made in Swift, which is why the table stores no text of its own (content='').
-- articles_fts is unchanged and still indexes every article.
CREATE VIRTUAL TABLE articles_cjk USING fts5(
    title, body, tags,
    content='',
    tokenize='porter unicode61 remove_diacritics 2'
);
INSERT INTO articles_cjk(articles_cjk, rank) VALUES ('rank', 'bm25(10.0, 1.0, 4.0)');
-- Filled in the importer's chunks like articles_fts, with the same in-memory buffer.
-- Three times as many tokens as the text has characters make merging segments most of
-- the cost of an import: merging 16 at a time instead of 4 cut the time to build this
-- index by a third, and did not change query times (README, "Languages").
INSERT INTO articles_cjk(articles_cjk, rank) VALUES ('hashsize', 16777216);
INSERT INTO articles_cjk(articles_cjk, rank) VALUES ('automerge', 16);
INSERT INTO articles_cjk(articles_cjk, rank) VALUES ('crisismerge', 32);

-- The articles indexed in articles_cjk.
CREATE TABLE cjk_articles (
    article_id INTEGER PRIMARY KEY
);

-- Articles whose entry in articles_cjk is missing or out of date because something
-- other than the archive's importer wrote them (SQL cannot make the pairs). Searches
-- leave them out of articles_cjk's answers; the next import or `archive repair`
-- indexes them again. Articles above the fts_pending mark are the importer's own.
CREATE TABLE cjk_stale (
    article_id INTEGER PRIMARY KEY
);

-- The characters that put an article into articles_cjk, exactly as
-- CJKText.belongsInIndex has them: Hangul Jamo, 々 and 〇, kana, Hangul compatibility
-- Jamo, CJK ideographs (with extension A, the compatibility ideographs and the
-- supplementary planes), Hangul syllables, and the full-width letters and digits and
-- half-width kana and Hangul. CJK punctuation alone (【, 。) does not count: the
-- tokenizer drops it anyway.
CREATE TRIGGER articles_cjk_ai AFTER INSERT ON articles
WHEN new.id <= coalesce((SELECT after_id FROM fts_pending), new.id)
 AND (new.title || new.body || new.tags) GLOB '*[ᄀ-ᇿ々〇぀-ゟァ-ヺー-ヿㄱ-ㆎㇰ-ㇿ㐀-䶿一-鿿가-힯豈-﫿０-９Ａ-Ｚａ-ｚｦ-ﾝﾠ-ￜ𠀀-𲎯]*' BEGIN
    INSERT OR IGNORE INTO cjk_stale (article_id) VALUES (new.id);
END;
CREATE TRIGGER articles_cjk_ad AFTER DELETE ON articles
WHEN EXISTS (SELECT 1 FROM cjk_articles WHERE article_id = old.id) BEGIN
    INSERT OR IGNORE INTO cjk_stale (article_id) VALUES (old.id);
END;
CREATE TRIGGER articles_cjk_au AFTER UPDATE OF title, body, tags ON articles
WHEN EXISTS (SELECT 1 FROM cjk_articles WHERE article_id = old.id)
  OR (old.id <= coalesce((SELECT after_id FROM fts_pending), old.id)
      AND (new.title || new.body || new.tags) GLOB '*[ᄀ-ᇿ々〇぀-ゟァ-ヺー-ヿㄱ-ㆎㇰ-ㇿ㐀-䶿一-鿿가-힯豈-﫿０-９Ａ-Ｚａ-ｚｦ-ﾝﾠ-ￜ𠀀-𲎯]*') BEGIN
    INSERT OR IGNORE INTO cjk_stale (article_id) VALUES (old.id);
END;

-- An archive made before this index: its articles with such text wait for the next
-- import or `archive repair` to index them.
INSERT INTO cjk_stale (article_id)
    SELECT id FROM articles
    WHERE id <= coalesce((SELECT after_id FROM fts_pending), id)
      AND (title || body || tags) GLOB '*[ᄀ-ᇿ々〇぀-ゟァ-ヺー-ヿㄱ-ㆎㇰ-ㇿ㐀-䶿一-鿿가-힯豈-﫿０-９Ａ-Ｚａ-ｚｦ-ﾝﾠ-ￜ𠀀-𲎯]*';
