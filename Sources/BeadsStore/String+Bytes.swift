import Foundation

// Text checks the hot paths make per line (masking a paste, reading every line of every
// doc), done on UTF-8 bytes. Foundation's `contains` and `trimmingCharacters` go through
// NSString and CharacterSet: in `doc index` at 100k signatures they were a fifth of the
// analysis, and in `fix` a tenth.

extension StringProtocol {
    /// Whether `needle`'s bytes occur in this text: memchr for the first byte, memcmp for
    /// the rest. The same answer as Foundation's `contains` for the literal text beads
    /// looks for (no case folding, no canonical equivalence).
    public func containsBytes(_ needle: some StringProtocol) -> Bool {
        let pin = Array(needle.utf8)
        guard let first = pin.first else { return true }
        let search = { (hay: UnsafeBufferPointer<UInt8>) -> Bool in
            var offset = 0
            while hay.count - offset >= pin.count {
                guard let hit = memchr(hay.baseAddress! + offset, Int32(first), hay.count - offset - pin.count + 1) else { return false }
                let at = hay.baseAddress!.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if memcmp(hay.baseAddress! + at, pin, pin.count) == 0 { return true }
                offset = at + 1
            }
            return false
        }
        if let found = utf8.withContiguousStorageIfAvailable(search) { return found }
        return Array(utf8).withUnsafeBufferPointer(search)
    }

    /// How many times `needle`'s bytes occur in this text, not overlapping.
    public func countBytes(_ needle: some StringProtocol) -> Int {
        let pin = Array(needle.utf8)
        guard let first = pin.first else { return 0 }
        let count = { (hay: UnsafeBufferPointer<UInt8>) -> Int in
            var found = 0
            var offset = 0
            while hay.count - offset >= pin.count {
                guard let hit = memchr(hay.baseAddress! + offset, Int32(first), hay.count - offset - pin.count + 1) else { break }
                let at = hay.baseAddress!.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if memcmp(hay.baseAddress! + at, pin, pin.count) == 0 {
                    found += 1
                    offset = at + pin.count
                } else {
                    offset = at + 1
                }
            }
            return found
        }
        if let found = utf8.withContiguousStorageIfAvailable(count) { return found }
        return Array(utf8).withUnsafeBufferPointer(count)
    }
}

extension StringProtocol where UTF8View: BidirectionalCollection {
    /// The text without the spaces and tabs at either end: Foundation's
    /// `trimmingCharacters(in: .whitespaces)`, which it still is when a non-ASCII
    /// character (perhaps another kind of space) is at an end.
    public func trimmingBlanks() -> String {
        let bytes = utf8
        var start = bytes.startIndex, end = bytes.endIndex
        func blank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
        while start < end, blank(bytes[start]) { start = bytes.index(after: start) }
        while start < end, blank(bytes[bytes.index(before: end)]) { end = bytes.index(before: end) }
        guard start < end else { return "" }
        if bytes[start] >= 0x80 || bytes[bytes.index(before: end)] >= 0x80 {
            return String(self).trimmingCharacters(in: .whitespaces)
        }
        return String(self[start..<end])
    }
}
