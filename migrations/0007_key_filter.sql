-- The Bloom filter over all candidate keys, saved at the end of an import so the next
-- one need not read millions of keys to rebuild it. Whoever writes keys deletes the row
-- first; a missing row means "rebuild from near_keys_all".
CREATE TABLE near_key_filter (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    keys INTEGER NOT NULL,     -- keys in the filter when saved
    bits BLOB NOT NULL
);
