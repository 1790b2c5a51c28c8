/// `archive repair`: rebuilds everything that is derived from the articles, each part in
/// its own transaction (the near-duplicate check in resumable batches): the full-text
/// indexes (articles_fts and the CJK index, with the lengths ranking reads), the tag
/// rows (with the packed ids filters read), orphaned sightings, and the near-duplicate
/// keys and links.
struct ArchiveRepair {
    let connection: Connection

    func run(step done: (RepairStep) -> Void = { _ in }) throws {
        try connection.transaction {
            try SearchIndex(connection: connection).rebuild()
            for index in RankLengths.indexes { try RankLengths(connection: connection, index: index).rebuild() }
        }
        done(.fullTextIndex)
        try connection.transaction {
            try connection.execute("""
                DELETE FROM article_tags;
                INSERT OR IGNORE INTO article_tags (article_id, tag, position)
                    SELECT a.id, j.value, j.key FROM articles a, json_each(a.tags) j WHERE j.type = 'text';
                """)
            try FilterBlocks(connection: connection).rebuild()
        }
        done(.tagRows)
        try connection.transaction {
            try connection.execute("""
                DELETE FROM sightings WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = sightings.article_id);
                """)
        }
        done(.sightings)
        _ = try DedupRun(connection: connection).run(policy: nil, restart: true)
        done(.nearDuplicates)
    }
}
