import Foundation

// Usage: MigrationEmbedder OUTPUT.swift 0001_name.sql 0002_name.sql ...
// Writes `bundledMigrations`, one entry per file in the order given. Each file name
// must be NNNN_name.sql; the number is the schema version the migration produces.

let arguments = CommandLine.arguments.dropFirst()
guard let output = arguments.first else {
    FileHandle.standardError.write(Data("usage: MigrationEmbedder OUTPUT FILE...\n".utf8))
    exit(64)
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("MigrationEmbedder: \(message)\n".utf8))
    exit(1)
}

/// A raw string delimiter that cannot occur in `text`.
func delimiter(for text: String) -> String {
    var hashes = "#"
    while text.contains("\"" + hashes) || text.contains("\\" + hashes) { hashes += "#" }
    return hashes
}

var entries: [String] = []
var seen = Set<Int>()
for path in arguments.dropFirst() {
    let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
    let parts = name.split(separator: "_", maxSplits: 1)
    guard parts.count == 2, parts[0].count == 4, let version = Int(parts[0]) else {
        fail("\(path): migration files are named NNNN_name.sql")
    }
    guard seen.insert(version).inserted else { fail("\(path): version \(version) appears twice") }
    guard let sql = try? String(contentsOfFile: path, encoding: .utf8) else {
        fail("\(path): cannot read as UTF-8")
    }
    let hashes = delimiter(for: sql)
    entries.append(
        "    Migration(version: \(version), name: \"\(parts[1])\", sql: \(hashes)\"\"\"\n\(sql)\n\"\"\"\(hashes)),"
    )
}

let source = """
    // Generated from migrations/*.sql by the EmbedMigrations plugin. Do not edit.

    let bundledMigrations: [Migration] = [
    \(entries.joined(separator: "\n"))
    ]

    """
do {
    try source.write(toFile: output, atomically: true, encoding: .utf8)
} catch {
    fail("cannot write \(output): \(error)")
}
