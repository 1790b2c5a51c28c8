import CCompression

/// zlib's inflate: gzip members (window bits 31) or the raw deflate data of a zip
/// member (-15).
final class InflateCodec: StreamCodec {
    // zlib's state points back at the z_stream, so it must not move.
    private let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
    private let windowBits: Int32

    init(windowBits: Int32) {
        self.windowBits = windowBits
        stream.initialize(to: z_stream())
        inflateInit2_(stream, windowBits, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
    }

    deinit {
        inflateEnd(stream)
        stream.deallocate()
    }

    func reset() {
        inflateReset(stream)
    }

    func step(input: UnsafeRawBufferPointer, output: UnsafeMutableRawBufferPointer, inputEnds: Bool) -> CodecStep {
        stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
        stream.pointee.avail_in = uInt(input.count)
        stream.pointee.next_out = output.baseAddress!.assumingMemoryBound(to: Bytef.self)
        stream.pointee.avail_out = uInt(output.count)
        let result = inflate(stream, Z_NO_FLUSH)
        let consumed = input.count - Int(stream.pointee.avail_in)
        let produced = output.count - Int(stream.pointee.avail_out)
        switch result {
        case Z_STREAM_END:
            return CodecStep(consumed: consumed, produced: produced, state: .memberEnd)
        case Z_OK, Z_BUF_ERROR:
            return CodecStep(consumed: consumed, produced: produced, state: .working)
        default:
            let message = stream.pointee.msg.map { String(cString: $0) } ?? "zlib error \(result)"
            return CodecStep(consumed: consumed, produced: produced, state: .corrupt(message))
        }
    }
}
