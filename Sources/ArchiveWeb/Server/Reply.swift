import ArchiveCore
import HTTPTypes
import Hummingbird
import NIOCore

/// The responses handlers give: an HTML page, a JSON document, plain text, a streamed
/// body, an error in the form its route speaks.
enum Reply {
    static func html(_ page: HTML, status: HTTPResponse.Status = .ok) -> Response {
        body(page.markup, contentType: "text/html; charset=utf-8", status: status)
    }

    static func json(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        body(text + "\n", contentType: "application/json; charset=utf-8", status: status)
    }

    static func text(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        body(text, contentType: "text/plain; charset=utf-8", status: status)
    }

    static func body(_ text: String, contentType: String, status: HTTPResponse.Status) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    /// `{"error": "..."}` with the error's status.
    static func jsonError(_ error: WebError) -> Response {
        json("{\"error\":" + JSONText.string(error.message) + "}", status: error.status)
    }

    /// A body a worker writes into `pipe`: the status is known once the first chunk (or
    /// the end, or an error) has come, so an error before any output is a proper error
    /// response. `filename` makes browsers save it.
    static func streamed(from pipe: ChunkPipe, contentType: String, filename: String? = nil) async throws -> Response {
        let first: ByteBuffer?
        do {
            first = try await pipe.next()
        } catch {
            pipe.cancel()
            throw error
        }
        var headers = HTTPFields()
        headers[.contentType] = contentType
        if let filename { headers[.contentDisposition] = "attachment; filename=\"\(filename)\"" }
        return Response(status: .ok, headers: headers, body: pipe.responseBody(first: first))
    }
}
