import Foundation

/// Finds the lines of a log that read like errors at close to memory speed, for `beads
/// triage` over a thousand multi-megabyte logs. Same markers as
/// `ErrorVocabulary.readsLikeError`, but every byte is looked at once: a table keyed by
/// a marker's first two (lowercased) bytes says which markers can start there.
public enum ErrorLineScanner {
    /// Tables the scan reads for every byte, made once and never freed: raw pointers,
    /// because an array of arrays costs a retain and a release on every look-up.
    struct Tables: @unchecked Sendable {
        let lowercase: UnsafePointer<UInt8>
        /// Non-zero where some marker starts with these two (lowercased) bytes.
        let pairStartsMarker: UnsafePointer<UInt8>
        let markersByPrefix: [[[UInt8]]]
    }

    static let tables: Tables = {
        let lowercase = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        for b in 0...255 { lowercase[b] = b >= 0x41 && b <= 0x5A ? UInt8(b) | 0x20 : UInt8(b) }
        let pairs = UnsafeMutablePointer<UInt8>.allocate(capacity: 65_536)
        pairs.initialize(repeating: 0, count: 65_536)
        var byPrefix = [[[UInt8]]](repeating: [], count: 65_536)
        for marker in ErrorVocabulary.markerBytes where marker.count >= 2 {
            let key = Int(marker[0]) << 8 | Int(marker[1])
            pairs[key] = 1
            byPrefix[key].append(marker)
        }
        return Tables(lowercase: UnsafePointer(lowercase), pairStartsMarker: UnsafePointer(pairs), markersByPrefix: byPrefix)
    }()

    /// The lines of `bytes` (ranges without their newline), and which of them read like
    /// errors (indexes into the lines).
    public static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> (lines: [Range<Int>], errors: [Int]) {
        var lines: [Range<Int>] = []
        var errors: [Int] = []
        guard let base = bytes.baseAddress else { return ([], []) }
        let t = tables
        let count = bytes.count
        var start = 0
        while start < count {
            let end =
                memchr(base + start, 0x0A, count - start).map { UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) - base } ?? count
            if readsLikeError(base, start, min(end, start + LogNormalizer.maxLineBytes), t) { errors.append(lines.count) }
            lines.append(start..<end)
            start = end + 1
        }
        return (lines, errors)
    }

    static func readsLikeError(_ b: UnsafePointer<UInt8>, _ start: Int, _ end: Int, _ t: Tables) -> Bool {
        guard end - start >= 3 else { return false }
        let lower = t.lowercase, pairs = t.pairStartsMarker
        // apt's and dpkg's `E: Unable to locate package …`.
        if lower[Int(b[start])] == UInt8(ascii: "e"), b[start + 1] == UInt8(ascii: ":"), b[start + 2] == 0x20 { return true }
        var k = start
        var previous = Int(lower[Int(b[k])])
        while k + 1 < end {
            let next = Int(lower[Int(b[k + 1])])
            let key = previous << 8 | next
            if pairs[key] != 0 {
                for marker in t.markersByPrefix[key] where k + marker.count <= end {
                    var j = 2
                    while j < marker.count, lower[Int(b[k + j])] == marker[j] { j += 1 }
                    if j == marker.count { return true }
                }
            }
            previous = next
            k += 1
        }
        return false
    }
}
