/// Where tokens go: the tokens, and when explaining, the bytes each came from.
struct TokenSink {
    var tokens: [LogToken] = []
    var spans: [Range<Int>]?

    mutating func append(_ token: LogToken, _ span: Range<Int>) {
        tokens.append(token)
        spans?.append(span)
    }
}

/// The byte-level scanner behind `LogNormalizer`: prefix stripping and masking for
/// one line. Works on UTF-8 bytes; non-ASCII bytes are treated as letters.
struct LineScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    let wildcards: Bool
    var i = 0

    init(bytes: UnsafeBufferPointer<UInt8>, wildcards: Bool) {
        self.bytes = bytes
        self.wildcards = wildcards
    }

    // MARK: - Byte classes

    /// Byte lookup tables: punctuation trimmed from the start and end of a chunk.
    static let openers = table("([{<`,'\\=")
    static let closers = table(")]}>`,;:!?'\\=")

    static func table(_ chars: String) -> [Bool] {
        var t = [Bool](repeating: false, count: 256)
        for b in chars.utf8 { t[Int(b)] = true }
        return t
    }

    static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    static func isAlpha(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
    static func isWordByte(_ b: UInt8) -> Bool { isDigit(b) || isAlpha(b) || b == 0x5F || b >= 0x80 }
    static func isHex(_ b: UInt8) -> Bool { isDigit(b) || ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x66) }
    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 }

    func at(_ k: Int) -> UInt8? { k < bytes.count ? bytes[k] : nil }

    func hasPrefix(_ literal: StaticString, at k: Int) -> Bool {
        let n = literal.utf8CodeUnitCount
        guard k + n <= bytes.count else { return false }
        return literal.withUTF8Buffer { lit in (0..<n).allSatisfy { bytes[k + $0] == lit[$0] } }
    }

    func digits(from k: Int) -> Int {
        var j = k
        while j < bytes.count, Self.isDigit(bytes[j]) { j += 1 }
        return j - k
    }

    mutating func skipSpaces() {
        while i < bytes.count, Self.isSpace(bytes[i]) { i += 1 }
    }

    // MARK: - Prefixes

    /// Strips what CI systems and tools wrap around a message, repeatedly, since they
    /// nest (`[Container] 2024/03/27 12:58:52 #3 ERROR: …`).
    mutating func stripPrefixes() {
        while true {
            skipSpaces()
            let before = i
            stripTimestamp()
            stripBuildKitStep()
            stripLiteralPrefixes()
            stripWorkflowCommand()
            stripComposeService()
            if i == before { return }
        }
    }

    /// `2024-03-27T12:58:52.1234567Z`, `2020/06/29 16:18:03`, `[12:58:52.123]`, with
    /// GitLab's `00O ` stream marker after it.
    mutating func stripTimestamp() {
        var k = i
        let bracketed = at(k) == UInt8(ascii: "[")
        if bracketed { k += 1 }
        var matched = false
        if digits(from: k) == 4, let sep = at(k + 4), sep == 0x2D || sep == 0x2F,
            digits(from: k + 5) == 2, at(k + 7) == sep, digits(from: k + 8) == 2
        {
            k += 10
            matched = true
            if let t = at(k), t == UInt8(ascii: "T") || t == 0x20, digits(from: k + 1) == 2 { k += 1 }
        }
        if digits(from: k) == 2, at(k + 2) == UInt8(ascii: ":"), digits(from: k + 3) == 2 {
            k += 5
            matched = true
            if at(k) == UInt8(ascii: ":"), digits(from: k + 1) == 2 { k += 3 }
            if let f = at(k), f == UInt8(ascii: ".") || f == UInt8(ascii: ","), digits(from: k + 1) > 0 {
                k += 1 + digits(from: k + 1)
            }
            if at(k) == UInt8(ascii: "Z") {
                k += 1
            } else if let s = at(k), s == UInt8(ascii: "+") || s == UInt8(ascii: "-"), digits(from: k + 1) == 2 {
                k += 3
                if at(k) == UInt8(ascii: ":") { k += 1 }
                k += min(2, digits(from: k))
            }
        }
        guard matched else { return }
        if bracketed {
            guard at(k) == UInt8(ascii: "]") else { return }
            k += 1
        }
        guard k >= bytes.count || Self.isSpace(bytes[k]) else { return }
        i = k
        skipSpaces()
        // GitLab runner: `00O ` / `01E+` after the timestamp.
        if digits(from: i) == 2, let s = at(i + 2), s == UInt8(ascii: "O") || s == UInt8(ascii: "E") {
            var j = i + 3
            if at(j) == UInt8(ascii: "+") { j += 1 }
            if j >= bytes.count || Self.isSpace(bytes[j]) { i = j }
        }
    }

    /// BuildKit progress: `#12 0.532 ` or `#12 `.
    mutating func stripBuildKitStep() {
        guard at(i) == UInt8(ascii: "#"), digits(from: i + 1) > 0 else { return }
        var k = i + 1 + digits(from: i + 1)
        guard k >= bytes.count || Self.isSpace(bytes[k]) else { return }
        while k < bytes.count, Self.isSpace(bytes[k]) { k += 1 }
        let whole = digits(from: k)
        if whole > 0, at(k + whole) == UInt8(ascii: "."), digits(from: k + whole + 1) > 0 {
            let end = k + whole + 1 + digits(from: k + whole + 1)
            if end >= bytes.count || Self.isSpace(bytes[end]) { k = end }
        }
        i = k
    }

    static let literalPrefixes: [StaticString] = [
        "[Container] ", "npm ERR! ", "npm ERR!", "npm error ", "npm WARN ", "npm warn ", "npm notice ",
        "npm verb ", "yarn error ",
    ]

    mutating func stripLiteralPrefixes() {
        for literal in Self.literalPrefixes where hasPrefix(literal, at: i) {
            i += literal.utf8CodeUnitCount
            return
        }
        // Actions log groups and annotations: `##[error]`, `##[group]`.
        if hasPrefix("##[", at: i), let close = (i..<min(bytes.count, i + 24)).first(where: { bytes[$0] == UInt8(ascii: "]") }) {
            i = close + 1
            return
        }
        // GitLab: `section_start:1560896352:build_script`.
        if hasPrefix("section_start:", at: i) || hasPrefix("section_end:", at: i) {
            var k = i
            while k < bytes.count, !Self.isSpace(bytes[k]) { k += 1 }
            i = k
        }
    }

    /// docker compose's service column: `catalog-api-1  | `, `web_1     | `.
    mutating func stripComposeService() {
        var k = i
        var letters = 0
        while k < bytes.count, Self.isAlpha(bytes[k]) || Self.isDigit(bytes[k]) || bytes[k] == 0x2D || bytes[k] == 0x5F || bytes[k] == 0x2E
        {
            if Self.isAlpha(bytes[k]) { letters += 1 }
            k += 1
        }
        guard letters >= 2, k > i, k < bytes.count, Self.isSpace(bytes[k]) else { return }
        while k < bytes.count, Self.isSpace(bytes[k]) { k += 1 }
        guard at(k) == UInt8(ascii: "|"), k + 1 >= bytes.count || Self.isSpace(bytes[k + 1]) else { return }
        i = k + 1
    }

    /// Actions workflow commands: `::error file=x,line=3::message`.
    mutating func stripWorkflowCommand() {
        guard hasPrefix("::", at: i) else { return }
        var k = i + 2
        while k + 1 < bytes.count {
            if bytes[k] == UInt8(ascii: ":"), bytes[k + 1] == UInt8(ascii: ":") {
                i = k + 2
                return
            }
            k += 1
        }
    }

    // MARK: - Tokens

    mutating func scanTokens() -> [LogToken] {
        var sink = TokenSink()
        scanTokens(into: &sink)
        return sink.tokens
    }

    /// Tokens with the bytes of the line each came from, for `match --explain`.
    mutating func scanTokensWithSources() -> [(LogToken, Range<Int>)] {
        var sink = TokenSink(spans: [])
        scanTokens(into: &sink)
        return Array(zip(sink.tokens, sink.spans ?? []))
    }

    /// Quotes are separators, not masks: a quoted value is often the message itself (a
    /// JSON reply's `"message"`, Go's `caused "…"`, logfmt's `msg="…"`), so its words
    /// are read and only its variable parts (paths, hashes, numbers, names) are masked.
    mutating func scanTokens(into tokens: inout TokenSink) {
        while i < bytes.count {
            let b = bytes[i]
            // A build step's command as the builder quotes it (`process "/bin/sh -c yarn
            // build" did not complete`, `The command '/bin/sh -c make' returned`) is the
            // team's own command, not part of the error: one mask.
            if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'"), let close = quotedShellCommandEnd(from: i) {
                tokens.append(.mask(.quoted), i..<(close + 1))
                i = close + 1
                continue
            }
            if Self.isSpace(b) || b == UInt8(ascii: "\"") {
                i += 1
                continue
            }
            var end = i
            while end < bytes.count, !Self.isSpace(bytes[end]), bytes[end] != UInt8(ascii: "\"") { end += 1 }
            if end == i { end = i + 1 }
            scanChunk(i, end, into: &tokens)
            i = end
        }
    }

    static let shellCommandStarts: [StaticString] = [
        "/bin/sh -c ", "/bin/bash -c ", "/bin/sh -o pipefail -c ", "sh -c ", "bash -c ", "cmd /S /C ",
    ]

    /// Where the quote that opens a shell command at `start` closes, if it does.
    func quotedShellCommandEnd(from start: Int) -> Int? {
        guard Self.shellCommandStarts.contains(where: { hasPrefix($0, at: start + 1) }) else { return nil }
        let quote = bytes[start]
        var k = start + 1
        while k < bytes.count {
            if bytes[k] == quote, bytes[k - 1] != UInt8(ascii: "\\") { return k }
            k += 1
        }
        return nil
    }

    /// One whitespace-delimited chunk: a URL, a path, an id, or words and numbers.
    func scanChunk(_ start: Int, _ end: Int, into tokens: inout TokenSink) {
        var s = start
        var e = end
        while s < e, Self.openers[Int(bytes[s])] { s += 1 }
        while e > s, Self.closers[Int(bytes[e - 1])] || (bytes[e - 1] == UInt8(ascii: ".") && !endsWithEllipsis(s, e)) { e -= 1 }
        guard s < e else { return }
        let chunk = UnsafeBufferPointer(rebasing: bytes[s..<e])
        // `docker/metadata-action@v5`, `lodash@4.17.21`: the name says which tool; the
        // pinned version is a variable part.
        if let at = Self.versionPin(chunk) {
            scanChunk(s, s + at, into: &tokens)
            tokens.append(.mask(.number), (s + at + 1)..<e)
            return
        }
        if let mask = Self.wholeChunkMask(chunk) {
            tokens.append(.mask(mask), s..<e)
            return
        }
        // Words, numbers and hashes, split at punctuation.
        var k = s
        while k < e {
            if isUnicodePunctuation(at: k) {
                // U+2000...U+203F: dashes, typographic quotes, bullets, the ellipsis.
                if wildcards, isEllipsis(at: k) { tokens.append(.wildcard, k..<(k + 3)) }
                k += 3
            } else if Self.isWordByte(bytes[k]) {
                var j = k
                while j < e, Self.isWordByte(bytes[j]), !isUnicodePunctuation(at: j) { j += 1 }
                let run = UnsafeBufferPointer(rebasing: bytes[k..<j])
                // A lone letter ("isn't" gives "t") says nothing.
                if !(run.count == 1 && Self.isAlpha(run[0])) {
                    var token = Self.classify(run)
                    if token == .mask(.number), let code = Self.statusCode(run, after: tokens.tokens.last) { token = code }
                    tokens.append(token, k..<j)
                }
                k = j
            } else {
                if wildcards, isEllipsis(at: k) {
                    tokens.append(.wildcard, k..<(k + 3))
                    k += 3  // "..." and "…" are both three bytes
                    continue
                }
                k += 1
            }
        }
    }

    /// The UTF-8 lead bytes E2 80 start U+2000...U+203F, general punctuation.
    func isUnicodePunctuation(at k: Int) -> Bool {
        k + 2 < bytes.count && bytes[k] == 0xE2 && bytes[k + 1] == 0x80
    }

    func isEllipsis(at k: Int) -> Bool {
        hasPrefix("...", at: k) || hasPrefix("\u{2026}", at: k)
    }

    func endsWithEllipsis(_ s: Int, _ e: Int) -> Bool {
        wildcards && e - s >= 3 && isEllipsis(at: e - 3)
    }

    static func wholeChunkMask(_ c: UnsafeBufferPointer<UInt8>) -> LogToken.Mask? {
        let n = c.count
        // URL: scheme://
        if let colon = c.firstIndex(of: UInt8(ascii: ":")), colon > 0, colon + 2 < n,
            c[colon + 1] == UInt8(ascii: "/"), c[colon + 2] == UInt8(ascii: "/"),
            c[..<colon].allSatisfy({ isAlpha($0) || isDigit($0) || $0 == 0x2B || $0 == 0x2E || $0 == 0x2D })
        {
            return .url
        }
        let slashes = c.reduce(0) { $0 + ($1 == UInt8(ascii: "/") ? 1 : 0) }
        if slashes > 0 {
            if c.allSatisfy({ isDigit($0) || $0 == UInt8(ascii: "/") }) { return .number }
            let first = c[0]
            let startsLikePath =
                first == UInt8(ascii: "/") || first == UInt8(ascii: "~")
                || (first == UInt8(ascii: ".") && n > 1 && (c[1] == UInt8(ascii: "/") || c[1] == UInt8(ascii: ".")))
            if (startsLikePath && n > 1) || slashes >= 2 { return .path }
        }
        if n > 2, isAlpha(c[0]), c[1] == UInt8(ascii: ":"), c[2] == UInt8(ascii: "\\") { return .path }
        if n == 36, [8, 13, 18, 23].allSatisfy({ c[$0] == UInt8(ascii: "-") }),
            c.enumerated().allSatisfy({ [8, 13, 18, 23].contains($0.offset) || isHex($0.element) })
        {
            return .id
        }
        if isIPv4(c) { return .ip }
        if isName(c) { return .name }
        return nil
    }

    static func isIPv4(_ c: UnsafeBufferPointer<UInt8>) -> Bool {
        var groups = 0
        var k = 0
        while k < c.count {
            var d = 0
            while k < c.count, isDigit(c[k]) {
                k += 1
                d += 1
            }
            guard d >= 1, d <= 3 else { return false }
            groups += 1
            if groups == 4 {
                if k == c.count { return true }
                guard c[k] == UInt8(ascii: ":") else { return false }
                return c[(k + 1)...].allSatisfy(isDigit) && k + 1 < c.count
            }
            guard k < c.count, c[k] == UInt8(ascii: ".") else { return false }
            k += 1
        }
        return false
    }

    /// A run of word bytes: a hash, a number, or a lowercased word.
    static func classify(_ run: UnsafeBufferPointer<UInt8>) -> LogToken {
        let n = run.count
        var digitCount = 0
        var hexLetters = 0
        var allHex = true
        for b in run {
            if isDigit(b) { digitCount += 1 } else if isHex(b) { hexLetters += 1 } else { allHex = false }
        }
        if allHex, digitCount > 0, n >= 12 || (n >= 7 && hexLetters > 0) { return .mask(.hash) }
        if digitCount * 2 > n { return .mask(.number) }
        var lowered = [UInt8](run)
        for k in lowered.indices where lowered[k] >= 0x41 && lowered[k] <= 0x5A { lowered[k] |= 0x20 }
        return .word(String(decoding: lowered, as: UTF8.self))
    }
}
