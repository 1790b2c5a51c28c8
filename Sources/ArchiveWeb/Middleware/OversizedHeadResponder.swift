import HTTPTypes
import NIOCore
import NIOHTTP1
import NIOHTTPTypes

/// A request line or header larger than the decoder takes (`WebServer`'s limits) never
/// becomes a request: NIO's decoder stops at it, and Hummingbird would answer a bare 400
/// with no body. This channel handler answers it as `RequestLimits` answers a URL just
/// under the limit: 413 with `{"error": ...}`, then closes the connection, since the
/// rest of what the client sent cannot be read as HTTP.
final class OversizedHeadResponder: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundOut = HTTPResponsePart

    static let body = #"{"error":"the URL or a header is too large (at most 16384 bytes each)"}"#

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard let parserError = error as? HTTPParserError, parserError == .headerOverflow else {
            context.fireErrorCaught(error)
            return
        }
        var head = HTTPResponse(status: .contentTooLarge)
        head.headerFields[.contentType] = "application/json; charset=utf-8"
        head.headerFields[.contentLength] = String(Self.body.utf8.count)
        head.headerFields[.connection] = "close"
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        context.write(wrapOutboundOut(.body(ByteBuffer(string: Self.body))), promise: nil)
        // Closed once the answer is written: closing at once could drop it unsent.
        let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
        context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in bound.value.close(promise: nil) }
    }
}
