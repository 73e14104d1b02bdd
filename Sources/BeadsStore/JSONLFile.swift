import Foundation

/// Reading and writing bd JSONL files.
public enum JSONLFile {
    /// Parses a whole file. Any bad line fails the whole read: an import takes all of
    /// a file or nothing of it.
    public static func read(_ data: Data, path: String, now: String) throws(StoreError) -> [Bead] {
        var beads: [Bead] = []
        var lineNumber = 0
        var start = data.startIndex
        while start < data.endIndex {
            lineNumber += 1
            let end = data[start...].firstIndex(of: 0x0A) ?? data.endIndex
            var line = [UInt8](data[start..<end])
            start = end < data.endIndex ? data.index(after: end) : end
            if line.last == 0x0D { line.removeLast() }
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            guard String(validating: line, as: UTF8.self) != nil else {
                throw StoreError.badJSONL(path: path, line: lineNumber, reason: "is not valid UTF-8")
            }
            let value: JSONValue
            do {
                value = try JSONValue.parse(bytes: line)
            } catch {
                throw StoreError.badJSONL(path: path, line: lineNumber, reason: "is not valid JSON (\(error))")
            }
            do {
                beads.append(try Bead(json: value, now: now))
            } catch {
                throw StoreError.badJSONL(path: path, line: lineNumber, reason: error.description)
            }
        }
        return beads
    }

    public static func read(path: String, now: String) throws(StoreError) -> [Bead] {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw StoreError.io(path: path, reason: "cannot be read (\(error.localizedDescription))")
        }
        return try read(data, path: path, now: now)
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
        let url = URL(fileURLWithPath: path)
        let temp = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try Data(text.utf8).write(to: temp)
            if rename(temp.path, url.path) != 0 {
                let reason = String(cString: strerror(errno))
                try? FileManager.default.removeItem(at: temp)
                throw StoreError.io(path: path, reason: "cannot be replaced (\(reason))")
            }
        } catch let error as StoreError {
            throw error
        } catch {
            try? FileManager.default.removeItem(at: temp)
            throw StoreError.io(path: path, reason: "cannot be written (\(error.localizedDescription))")
        }
    }
}
