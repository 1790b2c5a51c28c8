-- Imports write new segments of the full-text indexes and leave the merging of large
-- ones to `archive optimize`. With FTS5's default automerge, every page an import wrote
-- paid for about as many pages of merging as the index has levels, and at 1,000,000
-- articles that merging read and rewrote segments of hundreds of megabytes: a quarter
-- of a daily import's time (README, "Performance"). Without it, only FTS5's crisis
-- merges run: when one level holds 16 segments they become one on the next level, so
-- small segments are merged with small ones and the count of segments a query reads
-- stays bounded (at most 15 a level).
INSERT INTO articles_fts(articles_fts, rank) VALUES ('automerge', 0);
INSERT INTO articles_cjk(articles_cjk, rank) VALUES ('automerge', 0);
INSERT INTO articles_cjk(articles_cjk, rank) VALUES ('crisismerge', 16);
