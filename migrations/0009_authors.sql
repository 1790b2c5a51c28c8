-- Who wrote an article, as JSON Lines and CSV dumps name them (`author`, `authors`;
-- README, "Input formats"). Text dumps name no author.
--
-- A JSON array of strings, as `tags` is, and not one text: an article may have several
-- authors, and a name may hold a comma ("Smith, Jane"), so no separator inside one text
-- would split back exactly. SQL reads it with json_each, as it reads tags. `[]` is
-- "no author known": a later copy of the article that names its authors fills it in.
-- No table of rows per author (as article_tags is for tags): nothing filters by author.
ALTER TABLE articles ADD COLUMN authors TEXT NOT NULL DEFAULT '[]'
    CHECK (json_valid(authors) AND json_type(authors) = 'array');
