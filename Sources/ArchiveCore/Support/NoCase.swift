/// Text as SQLite's `NOCASE` collation compares it: the 26 ASCII capitals folded to
/// lower case, every other byte as it is. Where Swift groups or keys what SQL would
/// compare `COLLATE NOCASE` (a tag facet's groups, a tag's packed filter rows), the two
/// must agree byte for byte.
enum NoCase {
    static func key(_ utf8: some Sequence<UInt8>) -> [UInt8] {
        utf8.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }
    }
}
