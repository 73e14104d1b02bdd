import BeadsStore

/// A line of pasted output after normalisation.
public struct NormalizedLine: Sendable, Equatable {
    /// 1-based line number in the paste.
    public var number: Int
    /// The line as pasted, colours and carriage returns removed.
    public var text: String
    public var tokens: [LogToken]
    /// The byte offset in `text` where the message starts, after timestamps and CI prefixes.
    public var messageStart: Int = 0

    /// The message without the wrapping CI and tools put before it.
    public var message: String {
        String(decoding: text.utf8.dropFirst(messageStart), as: UTF8.self).trimmingBlanks()
    }
}

/// Turns pasted build output (or a doc's signature) into comparable token sequences.
///
/// One pass over the bytes, no regular expressions: a 10 MB paste must be read in well
/// under a second. In order, per line:
/// 1. ANSI colour and cursor sequences go, carriage returns and tabs become spaces;
/// 2. the wrapping CI systems add goes: timestamps, BuildKit's `#12 0.532`, CodeBuild's
///    `[Container]`, Actions' `##[error]` and `::error::`, npm's `npm ERR!`/`npm error`,
///    GitLab's `section_start:…`;
/// 3. variable parts are masked: URLs, paths, quoted values, UUIDs, hashes, IPs, numbers;
/// 4. what is left is split into lowercased words.
public enum LogNormalizer {
    /// Lines are read in pieces of this size: an error message is never this long, and
    /// a minified blob must not cost seconds as one line.
    public static let maxLineBytes = 8192
    /// At most this many lines and pieces are read from one paste.
    static let maxPieces = 2_000_000

    public static func lines(of text: String) -> [NormalizedLine] {
        var result: [NormalizedLine] = []
        var number = 0
        var utf8 = Array(text.utf8)
        utf8.withUnsafeMutableBufferPointer { buffer in
            var start = 0
            let count = buffer.count
            while start < count {
                var end = start
                while end < count, buffer[end] != 0x0A { end += 1 }
                number += 1
                // A line longer than `maxLineBytes` (a minified blob, a JSON reply with the
                // error at its end) is read in pieces of that size under the same number,
                // so what it says at its end still matches.
                var piece = start
                repeat {
                    let pieceEnd = min(end, piece + maxLineBytes)
                    let cleaned = stripControls(UnsafeBufferPointer(rebasing: buffer[piece..<pieceEnd]))
                    let (tokens, messageStart) = tokenizeLine(cleaned, wildcards: false)
                    result.append(
                        NormalizedLine(
                            number: number, text: String(decoding: cleaned, as: UTF8.self), tokens: tokens,
                            messageStart: messageStart))
                    piece = pieceEnd
                } while piece < end && result.count < maxPieces
                start = end + 1
            }
        }
        return result
    }

    /// Tokens of a signature as written in a doc: `...` and `…` are wildcards.
    public static func signatureTokens(_ text: String) -> [LogToken] {
        var tokens: [LogToken] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let cleaned = Array(line.utf8).withUnsafeBufferPointer { stripControls($0) }
            tokens += tokenize(cleaned, wildcards: true)
        }
        // Collapse runs of wildcards, and drop them at the ends: a signature is matched
        // anywhere in the paste anyway.
        var collapsed: [LogToken] = []
        for token in tokens where !(token == .wildcard && collapsed.last == .wildcard) { collapsed.append(token) }
        while collapsed.first == .wildcard { collapsed.removeFirst() }
        while collapsed.last == .wildcard { collapsed.removeLast() }
        return collapsed
    }

    /// Removes ANSI escape sequences, carriage returns, NULs and other C0 controls.
    static func stripControls(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x1B {
                i += 1
                guard i < bytes.count else { break }
                if bytes[i] == UInt8(ascii: "[") {
                    // CSI: parameters and intermediates, then one final byte @...~
                    i += 1
                    while i < bytes.count, !(0x40...0x7E).contains(bytes[i]) { i += 1 }
                    i += 1
                } else if bytes[i] == UInt8(ascii: "]") {
                    // OSC: up to BEL or ESC \
                    while i < bytes.count, bytes[i] != 0x07, bytes[i] != 0x1B { i += 1 }
                    i += (i < bytes.count && bytes[i] == 0x1B) ? 2 : 1
                } else {
                    i += 1
                }
                continue
            }
            // Tabs and carriage returns (CRLF endings, progress bars) become spaces.
            if b == 0x09 || b == 0x0D { out.append(0x20) } else if b >= 0x20 && b != 0x7F { out.append(b) }
            i += 1
        }
        return out
    }

    static func tokenize(_ line: [UInt8], wildcards: Bool) -> [LogToken] {
        tokenizeLine(line, wildcards: wildcards).0
    }

    /// One pasted line's tokens with the text each was read from (a mask's original
    /// value), and the prefix stripped before the message.
    public static func explain(_ line: String) -> (prefix: String, tokens: [(token: LogToken, source: String)]) {
        let raw = Array(line.utf8)
        let bytes = raw.withUnsafeBufferPointer { stripControls($0) }
        return bytes.withUnsafeBufferPointer { buffer in
            var scanner = LineScanner(bytes: buffer, wildcards: false)
            scanner.stripPrefixes()
            let prefix = String(decoding: buffer[..<scanner.i], as: UTF8.self)
            let tokens = scanner.scanTokensWithSources().map { token, span in
                (token: token, source: String(decoding: buffer[span], as: UTF8.self))
            }
            return (prefix, tokens)
        }
    }

    /// The tokens, and where the message starts after the stripped prefixes.
    static func tokenizeLine(_ line: [UInt8], wildcards: Bool) -> ([LogToken], Int) {
        line.withUnsafeBufferPointer { buffer in
            var scanner = LineScanner(bytes: buffer, wildcards: wildcards)
            scanner.stripPrefixes()
            let start = scanner.i
            return (scanner.scanTokens(), start)
        }
    }
}
