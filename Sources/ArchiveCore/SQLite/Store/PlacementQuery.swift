/// Every sighting with its article and story, for `Archive.placements()`.
struct PlacementQuery {
    let connection: Connection

    func all() throws -> [RecordPlacement] {
        var placements: [RecordPlacement] = []
        try connection.prepare("""
            SELECT f.path, s.line, a.id, coalesce(a.duplicate_of, a.id), a.match_rule, a.similarity
            FROM sightings s JOIN files f ON f.id = s.file_id JOIN articles a ON a.id = s.article_id
            """).forEachRow { row in
            placements.append(RecordPlacement(
                path: row.string(0), line: row.int(1), article: Int64(row.int(2)), story: Int64(row.int(3)),
                linkRule: row.optionalString(4), linkSimilarity: row.isNull(5) ? nil : row.double(5)))
        }
        return placements
    }
}
