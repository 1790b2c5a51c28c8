import ArchiveCore
import HTTPTypes
import Hummingbird

/// `/export.csv` and `/export.jsonl`: the articles a search covers (every article
/// without one), streamed in the bytes `archive export` writes for the same filters.
extension Site {
    func addExportRoutes(to router: Router<Context>) {
        router.get("/export.csv") { request, _ -> Response in
            try await export(request, as: .csv, contentType: "text/csv; charset=utf-8", filename: "articles.csv")
        }
        router.get("/export.jsonl") { request, _ -> Response in
            try await export(request, as: .jsonl, contentType: "application/jsonl; charset=utf-8", filename: "articles.jsonl")
        }
    }

    private func export(_ request: Request, as format: ExportFormat, contentType: String, filename: String) async throws -> Response {
        let filter = try SearchRequest(QueryString(request.uri.query)).filter()
        let pipe = ChunkPipe(stallLimit: stallLimit)
        workers.start({ archive in
            try archive.export(filter, as: format, to: pipe)
            try pipe.finish()
        }, failed: { pipe.fail($0) })
        return try await Reply.streamed(from: pipe, contentType: contentType, filename: filename)
    }
}
