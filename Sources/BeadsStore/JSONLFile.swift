import CFileExchange
import Foundation

/// Reading and writing bd JSONL files.
public enum JSONLFile {
    /// Parses a whole file. Any bad line fails the whole read: an import takes all of
    /// a file or nothing of it.
    public static func read(_ data: Data, path: String, now: String) throws(StoreError) -> [Bead] {
        var beads: [Bead] = []
        var firstLine: [String: Int] = [:]
        var lineNumber = 0
        // Scanned as an array: Data's generic search paid an exclusivity check per byte
        // (half of reading a file).
        let bytes = [UInt8](data)
        var start = 0
        // A byte-order mark some editors put first is not part of the first line.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        while start < bytes.count {
            lineNumber += 1
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            var line = Array(bytes[start..<end])
            start = end < bytes.count ? end + 1 : end
            if line.last == 0x0D { line.removeLast() }
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            guard String(validating: line, as: UTF8.self) != nil else {
                throw StoreError.badJSONL(path: path, line: lineNumber, reason: "the line is not valid UTF-8")
            }
            let value: JSONValue
            do {
                value = try JSONValue.parse(bytes: line)
            } catch {
                throw StoreError.badJSONL(path: path, line: lineNumber, reason: "the line is not valid JSON (\(error))")
            }
            let bead: Bead
            do {
                bead = try Bead(json: value, now: now)
            } catch {
                throw StoreError.badJSONL(path: path, line: lineNumber, reason: error.description)
            }
            if let first = firstLine[bead.id] {
                throw StoreError.badJSONL(
                    path: path, line: lineNumber, reason: "id \(bead.id) appears again (first on line \(first)); keep one of the two lines")
            }
            firstLine[bead.id] = lineNumber
            beads.append(bead)
        }
        return beads
    }

    /// `path` is read; `displayPath` (the path as the user gave it) names it in errors.
    public static func read(path: String, displayPath: String? = nil, now: String) throws(StoreError) -> [Bead] {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw StoreError.io(path: displayPath ?? path, reason: "cannot be read (\(error.localizedDescription))")
        }
        return try read(data, path: displayPath ?? path, now: now)
    }

    /// Temporary files of this one (`.issues.jsonl.<pid>.tmp`) left by a writer that
    /// died before its rename: removed when their process is gone.
    static func removeStaleTemporaries(of url: URL) {
        let folder = url.deletingLastPathComponent().path
        let stem = "." + url.lastPathComponent + "."
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where name.hasPrefix(stem) && (name.hasSuffix(".tmp") || name.hasSuffix(".bak")) {
            guard let pid = Int32(name.dropFirst(stem.count).dropLast(4)), pid > 0 else { continue }
            if kill(pid, 0) != 0, errno == ESRCH { try? FileManager.default.removeItem(atPath: folder + "/" + name) }
        }
    }

    /// The export text: beads sorted by id, one line each, newline-terminated.
    public static func render(_ beads: [Bead]) -> String {
        var out = ""
        for bead in beads.sorted(by: { $0.id < $1.id }) {
            out += bead.jsonLine()
            out += "\n"
        }
        return out
    }

    /// Writes atomically: a temporary file in the same folder, then rename, so a crash
    /// leaves either the old file or the new one, never half of one.
    public static func writeAtomically(_ text: String, to path: String) throws(StoreError) {
        try writeAtomically(Data(text.utf8), to: path)
    }

    public static func writeAtomically(
        _ bytes: Data, to path: String, unchangedSince expected: String? = nil,
        keepingPreviousAt backup: String? = nil
    ) throws(StoreError) {
        let result = bytes.withUnsafeBytes { buffer in
            Result { () throws(StoreError) in
                try writeAtomically(pieces: [buffer], to: path, unchangedSince: expected, keepingPreviousAt: backup)
            }
        }
        try result.get()
    }

    /// The file made of `pieces` one after another, written as above: a patched export
    /// writes the unchanged runs of the old file as they are.
    /// With `unchangedSince` (a fingerprint), the file is replaced only if it still has
    /// that fingerprint when the new one is ready: one a `git pull` put there meanwhile
    /// is not overwritten (`StoreError.fileMoved`; the caller imports it and tries again).
    /// With `keepingPreviousAt`, the file being replaced stays at that path (a hard link:
    /// no copy, no space), so a transaction that fails after the rename can put it back.
    static func writeAtomically(
        pieces: [UnsafeRawBufferPointer], to path: String, unchangedSince expected: String? = nil,
        keepingPreviousAt backup: String? = nil
    ) throws(StoreError) {
        let url = URL(fileURLWithPath: path)
        removeStaleTemporaries(of: url)
        let temp = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp").path
        func fail(_ what: String) -> StoreError {
            let reason = String(cString: strerror(errno))
            unlink(temp)
            return StoreError.io(path: path, reason: "\(what) (\(reason))")
        }
        // 0666 less the umask, as any editor would create it. Created new, never through
        // a link: a symlink planted at the temporary name would have had the export
        // written over the file it points at. Whatever holds the name is unlinked (a
        // link goes, not its target) and the name taken again, once.
        var fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o666)
        if fd < 0, errno == EEXIST, unlink(temp) == 0 {
            fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o666)
        }
        guard fd >= 0 else { throw fail("cannot be written") }
        for piece in pieces {
            var offset = 0
            while offset < piece.count {
                let written = write(fd, piece.baseAddress! + offset, piece.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    let cause = errno
                    close(fd)
                    errno = cause
                    throw fail("cannot be written")
                }
                offset += written
            }
        }
        guard close(fd) == 0 else { throw fail("cannot be written") }
        if let expected, let now = FileFingerprint(path: path), now.description != expected {
            unlink(temp)
            throw StoreError.fileMoved(path: path)
        }
        if let backup {
            unlink(backup)
            if link(path, backup) != 0, errno != ENOENT { throw fail("cannot keep its previous version") }
        }
        // A pull can still land between that look and the rename. Swapped in one step, the
        // file replaced is in hand: if it is not the one expected, it goes back, and the
        // caller imports it and writes again.
        if let expected, FileFingerprint(path: path) != nil {
            if beads_rename_exchange(temp, path) == 0 {
                if FileFingerprint(path: temp)?.description != expected {
                    let restored = beads_rename_exchange(temp, path) == 0
                    unlink(temp)
                    if let backup { unlink(backup) }
                    guard restored else {
                        throw StoreError.io(path: path, reason: "was replaced while beads wrote it, and could not be put back")
                    }
                    throw StoreError.fileMoved(path: path)
                }
                unlink(temp)
                return
            }
            guard errno == ENOSYS || errno == EINVAL else { throw fail("cannot be replaced") }
        }
        guard rename(temp, path) == 0 else { throw fail("cannot be replaced") }
    }
}
