/// The one grammar of bead ids, used by the store (ids it accepts), the docs scanner
/// (ids it sees in prose, tables, headings and front matter) and the linter.
///
/// An id is a prefix, a dash, and a suffix that is either a hash (bd's base36, `mo-jgo`,
/// `mo-3t8p`) or a sequence number (older bd exports: `bd-12`, `ops-7`); children add
/// `.N` up to three levels (`mo-3t8p.1.2`).
extension BeadID {
    /// Lengths of a hash suffix. bd makes 3 to 8 characters; longer ones come from
    /// other trackers' imports.
    public static let hashSuffixLengths = 3...12
    /// Digits of a sequential suffix.
    public static let sequenceSuffixLengths = 1...6
    public static let maxChildLevels = 3

    /// Whether a string has the shape of a bead id.
    public static func isWellFormed(_ id: String) -> Bool {
        let bytes = Array(id.utf8)
        guard let first = bytes.first, isLower(first) else { return false }
        // The prefix may itself hold dashes (`my-app-3f2`): try each dash as the split.
        for (k, b) in bytes.enumerated() where b == UInt8(ascii: "-") && k > 0 {
            let prefix = bytes[..<k]
            guard prefix.allSatisfy({ isLower($0) || isDigit($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") }) else {
                return false
            }
            if let end = suffixEnd(bytes, from: k + 1), end == bytes.count { return true }
        }
        return false
    }

    /// Whether a prefix may be given to new beads (`beads init --prefix`, `prefix:` in
    /// beads/config.yaml): lowercase letters and digits, starting with a letter. Checked
    /// byte by byte: a regular expression here cost every command ICU's start-up.
    public static func isNewPrefix(_ prefix: String) -> Bool {
        let bytes = Array(prefix.utf8)
        guard let first = bytes.first, isLower(first) else { return false }
        return bytes.allSatisfy { isLower($0) || isDigit($0) }
    }

    /// The prefix of an id (`mo` of `mo-jgo`), nil when it has none.
    public static func prefix(of id: String) -> String? {
        guard let dash = id.lastIndex(of: "-"), dash > id.startIndex else { return nil }
        return String(id[..<dash])
    }

    /// Every id with one of `prefixes` written in `text`, in order: in a word of its
    /// own (not inside `xmo-jgo`, `mo-jgo-2` or `MO-JGO`), with its child suffix.
    /// An id of another shape (`sf-k7`, a two-character hash) counts when it is in `held`:
    /// the tracker decides what a bead is; the grammar serves ids it does not hold yet.
    public static func mentions(in text: String, prefixes: Set<String>, held: Set<String> = []) -> [String] {
        guard !prefixes.isEmpty else { return [] }
        let bytes = Array(text.utf8)
        let candidates = prefixes.map { Array($0.utf8) }.sorted { $0.count > $1.count }
        var found: [String] = []
        var k = 0
        while k < bytes.count {
            guard isLower(bytes[k]) || isDigit(bytes[k]), k == 0 || !isIDContinuation(bytes[k - 1]) else {
                k += 1
                continue
            }
            var matchedEnd: Int?
            for prefix in candidates where k + prefix.count < bytes.count && bytes[k + prefix.count] == UInt8(ascii: "-") {
                guard bytes[k..<(k + prefix.count)].elementsEqual(prefix) else { continue }
                if let end = suffixEnd(bytes, from: k + prefix.count + 1), end == bytes.count || !isIDContinuation(bytes[end]) {
                    matchedEnd = end
                    break
                }
                if !held.isEmpty, let end = looseSuffixEnd(bytes, from: k + prefix.count + 1),
                    end == bytes.count || !isIDContinuation(bytes[end]),
                    held.contains(String(decoding: bytes[k..<end], as: UTF8.self))
                {
                    matchedEnd = end
                    break
                }
            }
            if let end = matchedEnd {
                found.append(String(decoding: bytes[k..<end], as: UTF8.self))
                k = end
            } else {
                k += 1
                while k < bytes.count, isIDContinuation(bytes[k]) { k += 1 }
            }
        }
        return found
    }

    /// Where a suffix starting at `start` ends (after any `.N` children), or nil when
    /// none starts there.
    static func suffixEnd(_ bytes: [UInt8], from start: Int) -> Int? {
        var q = start
        while q < bytes.count, isLower(bytes[q]) || isDigit(bytes[q]) { q += 1 }
        let suffix = bytes[start..<q]
        let sequential = suffix.allSatisfy(isDigit) && sequenceSuffixLengths.contains(suffix.count)
        guard sequential || hashSuffixLengths.contains(suffix.count) else { return nil }
        var levels = 0
        while levels < maxChildLevels, q + 1 < bytes.count, bytes[q] == UInt8(ascii: "."), isDigit(bytes[q + 1]) {
            q += 1
            while q < bytes.count, isDigit(bytes[q]) { q += 1 }
            levels += 1
        }
        return q
    }

    /// Where a suffix of any length starting at `start` ends, children included.
    static func looseSuffixEnd(_ bytes: [UInt8], from start: Int) -> Int? {
        var q = start
        while q < bytes.count, isLower(bytes[q]) || isDigit(bytes[q]) { q += 1 }
        guard q > start else { return nil }
        while q + 1 < bytes.count, bytes[q] == UInt8(ascii: "."), isDigit(bytes[q + 1]) {
            q += 1
            while q < bytes.count, isDigit(bytes[q]) { q += 1 }
        }
        return q
    }

    /// Whether the store must be asked about an id: it is not of the grammar's shape.
    public static func needsTracker(_ id: String) -> Bool { !isWellFormed(id) }

    static func isLower(_ b: UInt8) -> Bool { b >= 0x61 && b <= 0x7A }
    static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    /// Bytes that make a letter run part of a longer word than an id.
    static func isIDContinuation(_ b: UInt8) -> Bool {
        isLower(b) || isDigit(b) || (b >= 0x41 && b <= 0x5A) || b == UInt8(ascii: "-") || b == UInt8(ascii: "_") || b >= 0x80
    }
}
