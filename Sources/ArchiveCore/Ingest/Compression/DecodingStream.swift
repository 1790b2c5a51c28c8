/// One decoder of the system's libraries, driven by `DecodingStream`.
protocol StreamCodec: AnyObject {
    /// Decodes from `input` into `output`. `inputEnds`: no input follows this.
    func step(input: UnsafeRawBufferPointer, output: UnsafeMutableRawBufferPointer, inputEnds: Bool) -> CodecStep
    /// Starts a new member (a gzip member or bzip2 stream appended to the last).
    func reset()
}

struct CodecStep {
    var consumed: Int
    var produced: Int
    var state: State

    enum State: Equatable {
        case working
        /// A member, frame or stream ended here; more may follow.
        case memberEnd
        case corrupt(String)
    }
}

/// The decoded bytes of a compressed stream, read a piece at a time: memory stays
/// the same whatever the size of the file or how far it expands.
///
/// Members appended one after another (what appending to a `.gz` makes, or parallel
/// compressors write) are read as one stream; zero bytes after the last member (tar
/// and some tools pad with them) end it. Damage is reported after every byte before
/// it was handed out, with the compressed byte where it was found.
final class DecodingStream: ByteStream {
    private let input: ByteStream
    private let codec: StreamCodec
    private let name: String
    private var buffer = [UInt8](repeating: 0, count: 256 << 10)
    private var start = 0
    private var end = 0
    private var inputEnded = false
    /// Compressed bytes the decoder has taken, for error messages.
    private(set) var compressedOffset: Int64 = 0
    /// Decoded bytes handed out so far, and where the member being decoded began: a
    /// member's check (gzip's CRC, a zstd frame's checksum) comes at its end, so only
    /// the bytes of members before a damaged one are known to be right.
    private(set) var decodedOffset: Int64 = 0
    private(set) var memberStart: Int64 = 0
    /// Damage found after bytes that were handed out first; thrown on the next read.
    private var pendingError: ReadError?
    private var betweenMembers = false
    private var finished = false

    init(input: ByteStream, codec: StreamCodec, name: String) {
        self.input = input
        self.codec = codec
        self.name = name
    }

    func read(into output: UnsafeMutableRawBufferPointer) throws(ReadError) -> Int {
        if let pendingError { throw pendingError }
        guard !finished, output.count > 0 else { return 0 }
        while true {
            if start == end, !inputEnded { try refill() }
            if betweenMembers {
                // Zero padding after a member ends the stream; anything else is a member.
                while start < end, buffer[start] == 0 { start += 1; compressedOffset += 1 }
                if start == end {
                    if inputEnded { finished = true; return 0 }
                    continue
                }
                codec.reset()
                betweenMembers = false
            }
            let step = buffer.withUnsafeBytes { bytes in
                codec.step(input: UnsafeRawBufferPointer(rebasing: bytes[start..<end]), output: output,
                           inputEnds: inputEnded)
            }
            start += step.consumed
            compressedOffset += Int64(step.consumed)
            switch step.state {
            case .corrupt(let reason):
                let error = ReadError(path: name, reason: "compressed data is corrupt at byte \(compressedOffset) (\(reason))",
                                      damage: .corrupt(trustedLength: memberStart))
                decodedOffset += Int64(step.produced)
                if step.produced > 0 { pendingError = error; return step.produced }
                throw error
            case .memberEnd:
                betweenMembers = true
                decodedOffset += Int64(step.produced)
                memberStart = decodedOffset
                if step.produced > 0 { return step.produced }
            case .working:
                decodedOffset += Int64(step.produced)
                if step.produced > 0 { return step.produced }
                if step.consumed == 0 {
                    // The decoder wants more than there is.
                    if inputEnded {
                        throw ReadError(path: name, reason: "compressed data ends early at byte \(compressedOffset)",
                                        damage: .endsEarly(trustedLength: decodedOffset))
                    }
                    try refill()
                }
            }
        }
    }

    /// Moves what is left to the front and reads more behind it.
    private func refill() throws(ReadError) {
        if start > 0 {
            buffer.withUnsafeMutableBytes { bytes in
                bytes.baseAddress!.copyMemory(from: bytes.baseAddress! + start, byteCount: end - start)
            }
            end -= start
            start = 0
        }
        if end == buffer.count { buffer += [UInt8](repeating: 0, count: buffer.count) }
        let got = try input.read(into: &buffer, end..<buffer.count)
        if got == 0 { inputEnded = true }
        end += got
    }
}
