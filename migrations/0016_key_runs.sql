-- New candidate keys are written in runs: each transaction's keys under one run number,
-- higher than every run before it, so that they are appended at the end of
-- near_keys_recent. Keyed by the key alone, each commit's keys landed on nearly every
-- page of the table, and the commit wrote the whole table out again (up to 34 MB at
-- every commit of a daily import into 1,000,000 articles; README, "Candidate keys in
-- runs"). Lookups read near_keys and each run; the runs move into near_keys, merged in
-- key order, past 16 of them or past 2,000,000 rows.
DROP VIEW near_keys_all;
ALTER TABLE near_keys_recent RENAME TO near_keys_recent_before_runs;
CREATE TABLE near_keys_recent (
    run INTEGER NOT NULL,
    key INTEGER NOT NULL,
    article_id INTEGER NOT NULL,
    PRIMARY KEY (run, key, article_id)
) WITHOUT ROWID;
INSERT INTO near_keys_recent (run, key, article_id)
    SELECT 1, key, article_id FROM near_keys_recent_before_runs ORDER BY key, article_id;
DROP TABLE near_keys_recent_before_runs;

-- Every checked article's keys, wherever they are, for SQL users and `archive check`.
CREATE VIEW near_keys_all AS
    SELECT key, article_id FROM near_keys UNION ALL SELECT key, article_id FROM near_keys_recent;
