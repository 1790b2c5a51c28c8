-- New candidate keys go into a small table first and are merged into near_keys in key
-- order when it grows: random inserts into a large index dirtied most of its pages on
-- every commit. Lookups read both tables. See README, "Schema".
CREATE TABLE near_keys_recent (
    key INTEGER NOT NULL,
    article_id INTEGER NOT NULL,
    PRIMARY KEY (key, article_id)
) WITHOUT ROWID;

-- Every checked article's keys, wherever they are, for SQL users and `archive check`.
CREATE VIEW near_keys_all AS
    SELECT key, article_id FROM near_keys UNION ALL SELECT key, article_id FROM near_keys_recent;
