-- Compressed dumps and bundles (README, "Compressed dumps and bundles").
--
-- A compressed file keeps its size and sha256 of the bytes on disk, so an unchanged
-- file is skipped without being decoded, while resume_offset counts decoded bytes (it
-- may pass size).
ALTER TABLE files ADD COLUMN compression TEXT;      -- gzip | zstd | xz | bzip2; NULL: not compressed
-- A bundle (zip or tar) has a row of its own (format 'zip' or 'tar'), and so has each
-- dump inside it, under the path BUNDLE!MEMBER, with size and sha256 of the member's
-- decoded bytes and bundle_id naming the bundle's row.
ALTER TABLE files ADD COLUMN bundle_id INTEGER REFERENCES files(id);
