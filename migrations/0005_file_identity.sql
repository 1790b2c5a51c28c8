-- A file imported before is recognised as unchanged by its size, modification time
-- and inode, without reading it again (`--force` reads it anyway).
ALTER TABLE files ADD COLUMN modified_ns INTEGER;
ALTER TABLE files ADD COLUMN inode INTEGER;
