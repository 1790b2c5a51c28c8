/// Importing a bundle: each dump inside is planned with the ledger under its own path
/// (`BUNDLE!MEMBER`) and read like a file, so an unchanged member is skipped and an
/// interrupted one carries on. The bundle's own row is complete once every member is.
extension Importer {
    func importBundle(_ file: DumpFile, _ bundle: Bundle, _ plan: FileRead) throws {
        let digest = try plan.digest ?? FileDigest(path: file.path)
        let bundleID = try connection.transaction {
            try ledger.begin(path: file.path, format: bundle.kind.rawValue, compression: bundle.compression, size: digest.size,
                             sha256: digest.sha256, identity: plan.identity, resume: .start, now: timestamp())
        }
        let filesBefore = summary.files + summary.filesSkipped
        var failed = false
        if bundle.compression == nil {
            failed = try readByPlace(file, bundle, bundleID: bundleID)
        } else {
            failed = try readThroughStream(file, bundle, bundleID: bundleID, damage: digest.damage)
        }
        if summary.files + summary.filesSkipped == filesBefore { observer?.note(.noRecords(file.path)) }
        // A member that failed is tried again by the next run: the bundle is not done.
        if !failed { try connection.transaction { try ledger.complete(id: bundleID) } }
    }

    /// Zip and plain tar: members sorted by name, each read from its place in the file.
    private func readByPlace(_ file: DumpFile, _ bundle: Bundle, bundleID: Int64) throws -> Bool {
        var listing: ReadError?
        var members: [(member: BundleMember, refusal: BundleMember.Refusal?)] = []
        switch bundle.kind {
        case .zip:
            for entry in try ZipDirectory(path: bundle.path).entries {
                var refusal = BundleMember.refusal(name: entry.name, isFile: !entry.isDirectory, forcedFormat: file.format)
                if refusal == nil, entry.isEncrypted { refusal = .unsupported("encrypted") }
                if refusal == nil, !ZipDirectory.methodIsSupported(entry.method) {
                    refusal = .unsupported("compression method \(entry.method)")
                }
                members.append((BundleMember(name: entry.name, location: .zip(entry)), refusal))
            }
        case .tar:
            // A tar cut short still has its members before the cut.
            let reader = TarReader(stream: try DescriptorStream(path: bundle.path), name: bundle.path)
            do {
                while let entry = try reader.next() {
                    let refusal = BundleMember.refusal(name: entry.name, isFile: entry.kind == .file, forcedFormat: file.format)
                    members.append((BundleMember(name: entry.name, location: .tar(dataOffset: entry.dataOffset, size: entry.size)), refusal))
                }
            } catch {
                listing = error
            }
        }
        var failed = listing != nil
        for (member, refusal) in members.sorted(by: { $0.member.name < $1.member.name }) {
            let path = bundle.ledgerPath(of: member.name)
            guard accept(path, refusal) else { failed = failed || refusal.map(Self.isFailure) == true; continue }
            let memberFile = DumpFile(path: path, format: file.format ?? DumpFormat(fileName: member.name))
            do {
                let open: @Sendable () throws(ReadError) -> ByteStream = { () throws(ReadError) in try member.open(in: bundle) }
                guard let memberPlan = try planMember(memberFile, bundleID: bundleID, open: open,
                                                      digest: { (prefix) throws(ReadError) in try FileDigest(stream: try open(), prefixSize: prefix) })
                else { continue }
                try read(memberFile, memberPlan)
            } catch let error as ReadError {
                reportFailure(error)
                failed = true
            }
        }
        // What cut the listing short, said after the members before it were read.
        if let listing { reportFailure(listing) }
        return failed
    }

    /// A member or the bundle could not be read: said, and counted as a failed file.
    private func reportFailure(_ error: ReadError) {
        summary.filesFailed += 1
        observer?.warning(error.description)
    }

    /// A compressed tar, which can only be read forward: decoded once to hash every
    /// member and decide, then again to read the members that need it, in name order.
    /// A member stored before the one read last means decoding from the start again
    /// (`tar --sort=name` makes bundles that never need it). A tar found damaged is read
    /// as far as it is good (`damage`): the members before the damage are imported.
    private func readThroughStream(_ file: DumpFile, _ bundle: Bundle, bundleID: Int64, damage: ReadError?) throws -> Bool {
        var plans: [(offset: Int64, file: DumpFile, plan: FileRead, slot: StreamSlot)] = []
        var failed = false
        var stop: ReadError?
        do {
            let reader = TarReader(stream: try ByteSource.decodedStream(path: bundle.path, damage: damage), name: bundle.path)
            while let entry = try reader.next() {
                let path = bundle.ledgerPath(of: entry.name)
                let refusal = BundleMember.refusal(name: entry.name, isFile: entry.kind == .file, forcedFormat: file.format)
                guard accept(path, refusal) else { failed = failed || refusal.map(Self.isFailure) == true; continue }
                let memberFile = DumpFile(path: path, format: file.format ?? DumpFormat(fileName: entry.name))
                let stream = try BundleMember.decodingIfCompressed(reader.memberStream(name: path), name: path)
                // In the second pass the member's stream, where the reader stands, is handed
                // to the reader thread through the slot.
                let slot = StreamSlot()
                if let memberPlan = try planMember(memberFile, bundleID: bundleID, open: { () throws(ReadError) in try slot.take(path) },
                                                   digest: { (prefix) throws(ReadError) in try FileDigest(stream: stream, prefixSize: prefix) }) {
                    plans.append((entry.dataOffset, memberFile, memberPlan, slot))
                }
            }
        } catch let error as ReadError {
            // The damage (or a member cut by it) ends the listing; what came before is read.
            stop = error
        }
        do {
            var reader: TarReader?
            for planned in plans.sorted(by: { $0.file.path < $1.file.path }) {
                if reader == nil || reader!.position > planned.offset {
                    reader = TarReader(stream: try ByteSource.decodedStream(path: bundle.path, damage: damage), name: bundle.path)
                }
                guard let current = reader else { break }
                while let entry = try current.next(), entry.dataOffset < planned.offset {}
                guard current.position == planned.offset else {
                    throw ReadError(path: planned.file.path, reason: "the bundle changed while it was read")
                }
                planned.slot.put(try BundleMember.decodingIfCompressed(current.memberStream(name: planned.file.path), name: planned.file.path))
                // After a failure the reader thread may have stopped anywhere in the
                // member: the rest of the bundle waits for the next run.
                try read(planned.file, planned.plan)
            }
        } catch let error as ReadError {
            reportFailure(error)
            return true
        }
        if let stop {
            reportFailure(stop)
            return true
        }
        return failed
    }

    /// Plans one member with the ledger, as `plan` does a file; nil: skipped.
    private func planMember(_ file: DumpFile, bundleID: Int64, open: @escaping @Sendable () throws(ReadError) -> ByteStream,
                            digest: (Int64?) throws(ReadError) -> FileDigest) throws -> FileRead? {
        let entry = try ledger.entry(path: file.path)
        let digest = try digest(entry?.size)
        let copy = try ledger.completeCopy(size: digest.size, sha256: digest.sha256, otherThan: file.path)
        guard let start = announce(ImportPlan.decide(entry: entry, digest: digest, copy: copy, force: options.force), path: file.path)
        else { return nil }
        return FileRead(input: .stream(name: file.path, from: start, open: open), format: file.format, start: start,
                        digest: digest, bundleID: bundleID)
    }

    /// Says why a member is not read; true when it is to be read.
    private func accept(_ path: String, _ refusal: BundleMember.Refusal?) -> Bool {
        guard let refusal else { return true }
        switch refusal {
        case .notContent: break
        case .notADump: observer?.note(.notADump(path))
        case .nestedBundle: observer?.note(.nestedBundle(path))
        case .unsafeName:
            summary.filesFailed += 1
            observer?.warning("\(path): unsafe member name (an absolute path or ..); not read")
        case .unsupported(let what):
            summary.filesFailed += 1
            observer?.warning("\(path): \(what) is not supported; not read")
        }
        return false
    }

    private static func isFailure(_ refusal: BundleMember.Refusal) -> Bool {
        switch refusal {
        case .unsafeName, .unsupported: return true
        case .notContent, .notADump, .nestedBundle: return false
        }
    }
}
