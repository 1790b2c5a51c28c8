-- articles_cjk is tokenized by FTS5's `ascii` tokenizer (under porter, as before).
--
-- Nearly every token of this index is a pair of CJK characters, and `unicode61` looks up
-- and folds each of their characters on the one writing thread of an import. `ascii`
-- keeps every character beyond ASCII as it is, which is all a pair needs. What else
-- beyond ASCII the index is given (CJK punctuation, accented words) the importer has
-- already cut into unicode61's own tokens on its reading threads (CJKText,
-- Unicode61Words), so the index holds the same terms as before, and a query is
-- written the same way.
--
-- The index is emptied and every CJK article marked stale: the binary that applies
-- this migration indexes them again at once (ArchiveFile.refillCJKIndex).
DROP TABLE articles_cjk;
CREATE VIRTUAL TABLE articles_cjk USING fts5(
    body, title, tags,
    content='',
    tokenize='porter ascii'
);
INSERT INTO articles_cjk(articles_cjk, rank) VALUES ('rank', 'bm25(1.0, 10.0, 4.0)');
INSERT INTO articles_cjk(articles_cjk, rank) VALUES ('hashsize', 16777216);
INSERT INTO articles_cjk(articles_cjk, rank) VALUES ('automerge', 16);
INSERT INTO articles_cjk(articles_cjk, rank) VALUES ('crisismerge', 64);

DELETE FROM cjk_article_lengths;
INSERT OR IGNORE INTO cjk_stale (article_id) SELECT article_id FROM cjk_articles;
DELETE FROM cjk_articles;
