import CCompression

/// liblzma's .xz decoder, reading concatenated streams and their padding itself.
final class XzCodec: StreamCodec {
    private let stream = UnsafeMutablePointer<lzma_stream>.allocate(capacity: 1)

    init() {
        stream.initialize(to: lzma_stream())
        start()
    }

    /// LZMA_CONCATENATED (a function-like macro Swift does not import): read streams
    /// one after another as one.
    private static let concatenated: UInt32 = 0x08

    private func start() {
        // A decoder that failed to start reports it at the first step.
        _ = lzma_stream_decoder(stream, UInt64.max, Self.concatenated)
    }

    deinit {
        lzma_end(stream)
        stream.deallocate()
    }

    func reset() {
        lzma_end(stream)
        stream.pointee = lzma_stream()
        start()
    }

    func step(input: UnsafeRawBufferPointer, output: UnsafeMutableRawBufferPointer, inputEnds: Bool) -> CodecStep {
        stream.pointee.next_in = input.baseAddress?.assumingMemoryBound(to: UInt8.self)
        stream.pointee.avail_in = input.count
        stream.pointee.next_out = output.baseAddress!.assumingMemoryBound(to: UInt8.self)
        stream.pointee.avail_out = output.count
        // With concatenated streams the decoder learns of the end only when told.
        let result = lzma_code(stream, inputEnds ? LZMA_FINISH : LZMA_RUN)
        let consumed = input.count - stream.pointee.avail_in
        let produced = output.count - stream.pointee.avail_out
        switch result {
        case LZMA_OK:
            return CodecStep(consumed: consumed, produced: produced, state: .working)
        case LZMA_STREAM_END:
            return CodecStep(consumed: consumed, produced: produced, state: .memberEnd)
        case LZMA_BUF_ERROR:
            // No progress possible: out of input (the caller judges) or of output space.
            return CodecStep(consumed: consumed, produced: produced, state: .working)
        case LZMA_FORMAT_ERROR:
            return CodecStep(consumed: consumed, produced: produced, state: .corrupt("not an xz stream"))
        case LZMA_DATA_ERROR:
            return CodecStep(consumed: consumed, produced: produced, state: .corrupt("damaged data"))
        default:
            return CodecStep(consumed: consumed, produced: produced, state: .corrupt("liblzma error \(result.rawValue)"))
        }
    }
}
