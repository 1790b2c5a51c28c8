/// A zip or tar file (a tar possibly compressed) holding many dumps. Its members are
/// imported one by one, as the files of a folder would be, and never extracted.
struct Bundle: Sendable {
    enum Kind: String, Sendable {
        case zip, tar
    }

    let path: String
    let kind: Kind
    /// How a tar is compressed; nil for zip and plain tar.
    let compression: Compression?

    /// The bundle `path` is, told by its first bytes (a zip's signature; a tar header,
    /// after decoding); nil for anything else.
    static func detect(path: String) throws(ReadError) -> Bundle? {
        let start = try PeekableStream(try DescriptorStream(path: path)).peek(Compression.magicLength)
        if start.starts(with: [0x50, 0x4B, 0x03, 0x04]) || start.starts(with: [0x50, 0x4B, 0x05, 0x06]) {
            return Bundle(path: path, kind: .zip, compression: nil)
        }
        let source = try ByteSource(path: path)
        try source.fillSample(512)
        guard source.withUnread({ TarReader.isTar(Array($0.prefix(512))) }) else { return nil }
        return Bundle(path: path, kind: .tar, compression: source.compression)
    }

    /// Names that say bundle, for picking files out of a folder.
    static func hasBundleName(_ name: String) -> Bool {
        let lower = name.lowercased()
        let inner = Compression.strippingExtension(lower).name
        return inner.hasSuffix(".tar") || lower.hasSuffix(".zip") || [".tgz", ".tbz2", ".txz", ".tzst"].contains { lower.hasSuffix($0) }
    }

    /// The ledger path of a member: `BUNDLE!MEMBER`.
    func ledgerPath(of member: String) -> String { "\(path)!\(member)" }
}

/// One file inside a bundle and where its bytes are.
struct BundleMember: Sendable {
    let name: String
    let location: Location

    enum Location: Sendable {
        case zip(ZipDirectory.Entry)
        /// In a plain tar: at this offset of the file.
        case tar(dataOffset: Int64, size: Int64)
    }

    /// Why a member is not read: nil when it should be.
    enum Refusal: Equatable {
        /// A folder, or a file of the tools that made the bundle (`__MACOSX/`, dot files).
        case notContent
        /// A name that climbs out of the bundle or starts at the root.
        case unsafeName
        case nestedBundle
        case notADump
        case unsupported(String)
    }

    /// What is done with a member called `name`: dumps by their names (or every file
    /// when the format is forced) are read.
    static func refusal(name: String, isFile: Bool, forcedFormat: DumpFormat?) -> Refusal? {
        let components = name.split(separator: "/", omittingEmptySubsequences: false)
        if name.hasPrefix("/") || name.hasPrefix("\\") || components.contains("..") || name.contains("\\..")
            || (name.count >= 2 && name.dropFirst().first == ":") {
            return .unsafeName
        }
        if !isFile || name.hasPrefix("__MACOSX/") || components.last?.hasPrefix(".") == true { return .notContent }
        if Bundle.hasBundleName(name) { return .nestedBundle }
        if forcedFormat == nil && DumpFormat(fileName: name) == nil { return .notADump }
        return nil
    }

    /// Opens the member's decoded bytes (a member that is itself compressed, such as
    /// `day.jsonl.gz`, is decoded too).
    func open(in bundle: Bundle) throws(ReadError) -> ByteStream {
        let name = bundle.ledgerPath(of: self.name)
        let stream: ByteStream
        switch location {
        case .zip(let entry):
            stream = try ZipDirectory.open(entry, in: bundle.path, name: name)
        case .tar(let offset, let size):
            stream = LimitedStream(try DescriptorStream(path: bundle.path, offset: offset), length: size, name: name)
        }
        return try Self.decodingIfCompressed(stream, name: name)
    }

    static func decodingIfCompressed(_ stream: ByteStream, name: String) throws(ReadError) -> ByteStream {
        try Compression.decoding(stream, name: name).stream
    }
}
