import Foundation
import Testing

@testable import ArchiveCore

@Suite("the file-system questions asked when opening for reading")
struct FileProbeTests {
    @Test("the folder of a path, as opening needs it", arguments: [
        ("archive.db", "."), ("/archive.db", "/"), ("/tmp/x/archive.db", "/tmp/x"), ("x/archive.db", "x"),
        ("x/y/", "x"), ("/x/", "/"), ("/", "/"), ("./a.db", "."), ("../a.db", ".."),
    ])
    func folder(path: String, expected: String) {
        #expect(FileProbe.folder(of: path) == expected)
    }

    @Test("existence and writability agree with FileManager's")
    func agreesWithFileManager() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("probe-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = folder + "/a.db"
        #expect(!FileProbe.exists(file))
        #expect(FileManager.default.createFile(atPath: file, contents: Data("x".utf8)))
        try FileManager.default.createSymbolicLink(atPath: folder + "/link", withDestinationPath: file)
        try FileManager.default.createSymbolicLink(atPath: folder + "/dangling", withDestinationPath: folder + "/none")
        for path in [file, folder, folder + "/link", folder + "/dangling", folder + "/none", ""] {
            #expect(FileProbe.exists(path) == FileManager.default.fileExists(atPath: path), "\(path)")
            #expect(FileProbe.isWritable(path) == FileManager.default.isWritableFile(atPath: path), "\(path)")
        }
        #expect(FileProbe.exists(folder + "/link") && !FileProbe.exists(folder + "/dangling"))
    }
}
