/// Help text written in the source as wrapped paragraphs, handed to ArgumentParser as
/// one line per paragraph: it wraps to the terminal's width itself, and wrapping a
/// hand-wrapped line again leaves one-word lines behind.
enum HelpText {
    /// Joins each paragraph's lines. Indented lines (examples, lists of rules), bullets,
    /// and the line after one ending in ":" keep their own line.
    ///
    /// Every command's configuration is built when any command runs (ArgumentParser and
    /// the preflight look subcommands up by name), so this runs for all sixty of them on
    /// each start: one pass over the bytes, not String splitting and joining, which was a
    /// quarter of `beads --version` (callgrind).
    static func prose(_ text: String) -> String {
        let space = UInt8(ascii: " "), newline = UInt8(ascii: "\n")
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        // The line being built (lines joined into it so far): its first and last byte.
        var first: UInt8?, last: UInt8?
        var started = false
        var bytes = text.utf8[...]
        while true {
            let end = bytes.firstIndex(of: newline) ?? bytes.endIndex
            let line = bytes[..<end]
            if started, let lineFirst = line.first, let first, first != space, lineFirst != space, last != UInt8(ascii: ":"),
                !(line.starts(with: "- ".utf8) || line.starts(with: "* ".utf8))
            {
                out.append(space)
            } else {
                if started { out.append(newline) }
                first = line.first
            }
            out.append(contentsOf: line)
            if let lineLast = line.last { last = lineLast } else if first == nil { last = nil }
            started = true
            guard end < bytes.endIndex else { break }
            bytes = bytes[bytes.index(after: end)...]
        }
        return String(decoding: out, as: UTF8.self)
    }
}
