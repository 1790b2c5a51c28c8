import ArchiveCore
import HTTPTypes
import Hummingbird

/// `/sql` (a page with the first rows), `/api/sql` (every row as `archive sql --format
/// json` writes them) and `/sql.csv` (as `--format csv`). Every statement goes through
/// the archive's read-only guard and the time limit.
extension Site {
    static let maximumSQLLength = 10_000

    /// Thrown from the row callback to stop reading once a page is full.
    private struct PageFull: Error {}

    func addSQLRoutes(to router: Router<Context>) {
        router.get("/sql") { request, _ -> Response in
            let sql = try Self.statement(QueryString(request.uri.query), required: false)
            guard !sql.isEmpty else { return Reply.html(SQLPage(sql: "", result: nil, error: nil).html) }
            let limit = sqlTimeLimit
            let rowsShown = sqlPageRows
            do {
                let result = try await workers.run { archive -> SQLPage.Result in
                    var result = SQLPage.Result()
                    do {
                        try archive.readOnlySQL(sql, timeLimit: limit, columns: { result.columns = $0 }, row: { row in
                            guard result.rows.count < rowsShown else { throw PageFull() }
                            result.rows.append(row)
                        })
                    } catch is PageFull {
                        result.isCut = true
                    }
                    return result
                }
                return Reply.html(SQLPage(sql: sql, result: result, error: nil).html)
            } catch {
                let failure = WebError.fromUserSQL(error)
                guard failure.status == .badRequest else { throw failure }
                return Reply.html(SQLPage(sql: sql, result: nil, error: failure).html, status: .badRequest)
            }
        }
        router.get("/api/sql") { request, _ -> Response in
            try await streamSQL(request, contentType: "application/json; charset=utf-8") { output in
                var columns: [String] = []
                var first = true
                return (header: { names in
                    columns = names
                    try output.write("[")
                }, row: { values in
                    try output.write((first ? "\n" : ",\n") + SQLValue.jsonObject(columns: columns, values: values))
                    first = false
                }, end: {
                    try output.write(first ? "]\n" : "\n]\n")
                })
            }
        }
        router.get("/sql.csv") { request, _ -> Response in
            try await streamSQL(request, contentType: "text/csv; charset=utf-8", filename: "sql.csv") { output in
                (header: { try output.write(CSVWriter.record($0)) },
                 row: { try output.write(CSVWriter.record($0.map(\.text))) },
                 end: {})
            }
        }
    }

    typealias SQLWriter = (header: ([String]) throws -> Void, row: ([SQLValue]) throws -> Void, end: () throws -> Void)

    /// Runs the request's statement on a worker, its rows written into a streamed body
    /// by the writer `makeWriter` gives.
    private func streamSQL(_ request: Request, contentType: String, filename: String? = nil,
                           _ makeWriter: @escaping @Sendable (ChunkPipe) -> SQLWriter) async throws -> Response {
        let sql = try Self.statement(QueryString(request.uri.query), required: true)
        let pipe = ChunkPipe(stallLimit: stallLimit)
        let limit = sqlTimeLimit
        let accepted = statementAccepted
        workers.start({ archive in
            let writer = makeWriter(pipe)
            try archive.readOnlySQL(sql, timeLimit: limit, columns: { names in
                try writer.header(names)
                accepted?()
            }, row: writer.row)
            try writer.end()
            try pipe.finish()
        }, failed: { pipe.fail($0) })
        do {
            return try await Reply.streamed(from: pipe, contentType: contentType, filename: filename)
        } catch {
            throw WebError.fromUserSQL(error)
        }
    }

    private static func statement(_ parameters: QueryString, required: Bool) throws(WebError) -> String {
        let sql = (parameters["sql"] ?? "").trimmingWhitespace
        if required && sql.isEmpty { throw .badRequest("give one statement as the parameter sql") }
        guard sql.count <= maximumSQLLength else { throw .badRequest("the statement is too long (at most \(maximumSQLLength) characters)") }
        return sql
    }
}
