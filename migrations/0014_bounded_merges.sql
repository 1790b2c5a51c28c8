-- Imports merge the full-text indexes' segments a little at a time, so that no import
-- pays for merging a whole level of large segments at once. With automerge 0 (migration
-- 12) FTS5 only ran its crisis merges: once a level held 16 segments they were merged in
-- one go, and a level that filled the next one merged that too. At 1,000,000 articles
-- a daily import of 30,000 records then merged over a gigabyte of the index now and
-- then: 75.5 s in the bench's full run of 2026-12-02, where the same dump had taken 11
-- to 15 s (README, "The daily import"). FTS5's automerge does the same merges (a
-- level of 16 segments into one on the next level) incrementally: each write merges
-- about as many pages as it wrote times the number of levels, continuing a merge the
-- last write left unfinished. The crisis threshold is set well above 16 so that it is
-- reached only if that budget ever falls behind.
INSERT INTO articles_fts(articles_fts, rank) VALUES ('automerge', 16);
INSERT INTO articles_fts(articles_fts, rank) VALUES ('crisismerge', 64);
INSERT INTO articles_cjk(articles_cjk, rank) VALUES ('automerge', 16);
INSERT INTO articles_cjk(articles_cjk, rank) VALUES ('crisismerge', 64);
