/// Bounds the work cmark-gfm does on a hostile text before it sees it.
///
/// Debian's cmark-gfm (0.29.0.gfm.6) spends time in its inline parser that grows with
/// the product of how deeply a paragraph is nested and how many brackets it holds: a
/// 200 KB doc of 100,000 `>` and 50,000 `[` took 34 s, and a pulled file must never stall
/// every command or the server. No real doc nests quotes or lists more than a few levels
/// on one line, so a line's container markers past `maxMarkers` are escaped: cmark reads
/// them as text, and the caller says which line was cut.
public enum MarkdownBudget {
    /// Container markers (`>` and list markers) one line may open.
    public static let maxMarkers = 64

    /// One line whose markers were cut.
    public struct Cut: Sendable, Equatable {
        public var line: Int
        public var markers: Int

        public var description: String {
            "line \(line): \(markers) nested quote or list markers; those past \(MarkdownBudget.maxMarkers) were read as text"
        }
    }

    /// The text as cmark may see it, and the lines that were cut.
    public static func bounded(_ text: String) -> (text: String, cuts: [Cut]) {
        // The common case costs one pass over the bytes and no copy.
        var lines = text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false)
        var cuts: [Cut] = []
        var fence: (byte: UInt8, length: Int)?
        for k in lines.indices {
            let line = lines[k]
            if let open = fenceMarker(line) {
                if let current = fence {
                    if open.byte == current.byte, open.length >= current.length { fence = nil }
                } else {
                    fence = open
                }
                continue
            }
            guard fence == nil, let (markers, cutAt) = overMarkers(line) else { continue }
            cuts.append(Cut(line: k + 1, markers: markers))
            var bytes = Array(line[line.startIndex..<cutAt])
            bytes.append(UInt8(ascii: "\\"))
            bytes += line[cutAt...]
            lines[k] = Substring(decoding: bytes, as: UTF8.self).utf8
        }
        guard !cuts.isEmpty else { return (text, []) }
        return (lines.map { String(Substring($0)) }.joined(separator: "\n"), cuts)
    }

    /// A fence line's character and length (```` ``` ```` or `~~~`, up to three spaces in).
    static func fenceMarker(_ line: Substring.UTF8View) -> (byte: UInt8, length: Int)? {
        var i = line.startIndex
        var spaces = 0
        while i < line.endIndex, line[i] == 0x20, spaces < 4 {
            spaces += 1
            i = line.index(after: i)
        }
        guard spaces < 4, i < line.endIndex, line[i] == 0x60 || line[i] == 0x7E else { return nil }
        let byte = line[i]
        var length = 0
        while i < line.endIndex, line[i] == byte {
            length += 1
            i = line.index(after: i)
        }
        return length >= 3 ? (byte, length) : nil
    }

    /// When the line opens more than `maxMarkers` containers: how many, and where the
    /// first one past the limit starts.
    static func overMarkers(_ line: Substring.UTF8View) -> (Int, Substring.UTF8View.Index)? {
        var markers = 0
        var cutAt: Substring.UTF8View.Index?
        var i = line.startIndex
        func isBlank(_ j: Substring.UTF8View.Index) -> Bool { j == line.endIndex || line[j] == 0x20 || line[j] == 0x09 }
        while i < line.endIndex {
            let b = line[i]
            let next = line.index(after: i)
            var end: Substring.UTF8View.Index?
            if b == 0x20 || b == 0x09 {
                i = next
                continue
            } else if b == UInt8(ascii: ">") {
                end = next
            } else if b == UInt8(ascii: "-") || b == UInt8(ascii: "*") || b == UInt8(ascii: "+"), isBlank(next) {
                end = next
            } else if (0x30...0x39).contains(b) {
                var j = next
                while j < line.endIndex, (0x30...0x39).contains(line[j]) { j = line.index(after: j) }
                if j < line.endIndex, line[j] == UInt8(ascii: ".") || line[j] == UInt8(ascii: ")") {
                    let after = line.index(after: j)
                    if isBlank(after) { end = after }
                }
            }
            guard let end else { break }
            markers += 1
            if markers == maxMarkers + 1 { cutAt = i }
            i = end
        }
        guard markers > maxMarkers, let cutAt else { return nil }
        return (markers, cutAt)
    }
}
