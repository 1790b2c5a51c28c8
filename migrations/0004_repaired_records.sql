-- import_errors also keeps records that were imported after a repair (invalid UTF-8
-- replaced by U+FFFD): their bytes as read, with the article they became. Records
-- that were refused have no article.
ALTER TABLE import_errors ADD COLUMN article_id INTEGER;
CREATE INDEX import_errors_article ON import_errors(article_id) WHERE article_id IS NOT NULL;
