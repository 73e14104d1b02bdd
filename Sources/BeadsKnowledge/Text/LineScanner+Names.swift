/// Names and codes: which variable parts of a line are a team's own names (masked), and
/// which numbers say what happened (kept).
extension LineScanner {
    /// Where `@` starts a version pin (`@v5`, `@4.17.21`, `@latest`), after a name.
    static func versionPin(_ c: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let at = c.lastIndex(of: UInt8(ascii: "@")), at > 0, at + 1 < c.count, isWordByte(c[at - 1]) else { return nil }
        let version = c[(at + 1)...]
        let first = version.first!
        let versionLike =
            isDigit(first) || (first | 0x20 == UInt8(ascii: "v") && version.count > 1 && isDigit(version[version.startIndex + 1]))
            || ["latest", "main", "master", "next"].contains(String(decoding: version, as: UTF8.self))
        guard versionLike, version.allSatisfy({ isWordByte($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") }) else { return nil }
        return at
    }

    /// A name someone or something gave, which the same error carries differently on
    /// another team's machine: hosts and domains (`registry.corp.example`), files
    /// (`package.json`), `user@host`, `pkg==1.2`, and dashed names with digits
    /// (`gl-runner-07`, `api-7d9f8c-x2k`). Exception classes (`java.io.IOException`,
    /// `socket.gaierror`) are not names: they say which error it is.
    static func isName(_ c: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = c.count
        guard n >= 4 else { return false }
        func isAlnum(_ b: UInt8) -> Bool { isAlpha(b) || isDigit(b) }
        var letters = 0, digitCount = 0
        var dottedBetween = false, dashedBetween = false, atBetween = false, specifier = false, colonsBetween = 0
        for k in 0..<n {
            let b = c[k]
            if isAlpha(b) { letters += 1 } else if isDigit(b) { digitCount += 1 }
            guard k > 0, k + 1 < n else { continue }
            let between = isAlnum(c[k - 1]) && isAlnum(c[k + 1])
            if b == UInt8(ascii: "."), between { dottedBetween = true }
            if b == UInt8(ascii: "-"), between { dashedBetween = true }
            if b == UInt8(ascii: "@"), between { atBetween = true }
            if b == UInt8(ascii: ":"), isAlnum(c[k + 1]) { colonsBetween += 1 }
            if b == UInt8(ascii: "="),
                c[k - 1] == UInt8(ascii: "=") || c[k - 1] == UInt8(ascii: ">") || c[k - 1] == UInt8(ascii: "<")
                    || c[k - 1] == UInt8(ascii: "~") || c[k - 1] == UInt8(ascii: "!")
            {
                specifier = true
            }
        }
        guard letters >= 2 else { return false }
        // Names are made of name characters; `(publickey,gssapi-keyex)` is a list of words.
        guard c.allSatisfy({ isAlnum($0) || $0 >= 0x80 || ".-_:@/=~+".utf8.contains($0) }) else { return false }
        if atBetween || specifier { return true }
        // Dashed names (`ledger-api`, `tidewater-releases`, `gl-runner-07`): a team's
        // services, hosts and repositories. Both sides mask them alike, so `back-off`
        // still matches `back-off`; it only weighs less.
        // An `owner/name` reference (`docker/metadata-action`) names a tool: its words stay.
        if dashedBetween, c[0] != UInt8(ascii: "-"), !c.contains(UInt8(ascii: "/")) { return true }
        // Coordinates (`org.acme:api:jar:1.2`, `:app:debugRuntimeClasspath`), but not
        // OpenSSL's `error:0308010C:digital` codes, which say which error it is.
        if colonsBetween >= 2, !(c[0] | 0x20 == UInt8(ascii: "e") && c.count > 6 && (c[5] == UInt8(ascii: ":"))) { return true }
        guard dottedBetween else { return false }
        // The last dotted part: an exception class or an error type is the message.
        var lastStart = n
        while lastStart > 0, c[lastStart - 1] != UInt8(ascii: ".") { lastStart -= 1 }
        var last = [UInt8](c[lastStart...])
        for k in last.indices where last[k] >= 0x41 && last[k] <= 0x5A { last[k] |= 0x20 }
        let lastWord = String(decoding: last, as: UTF8.self)
        if lastWord.hasSuffix("exception") || lastWord.hasSuffix("error") || lastWord.hasSuffix("exit") { return false }
        // Letters on both sides of some dot: `a.b`, not a version (`v1.2.3`).
        var segments: [Int] = [0]
        for b in c {
            if b == UInt8(ascii: ".") { segments.append(0) } else if isAlpha(b) { segments[segments.count - 1] += 1 }
        }
        return segments.filter { $0 >= 2 }.count >= 2
    }

    /// Words after which a three-digit number is a status that says what happened (exit
    /// code 137 is the OOM killer, HTTP 401 a refused login), not a value to mask.
    static let statusWords: Set<String> = ["code", "status", "exit", "exited", "returned", "http", "error", "statuscode"]

    static func statusCode(_ run: UnsafeBufferPointer<UInt8>, after previous: LogToken?) -> LogToken? {
        guard (3...5).contains(run.count), run.allSatisfy(isDigit), run[0] != UInt8(ascii: "0"),
            case let .word(w)? = previous, statusWords.contains(w)
        else { return nil }
        // Three digits are a status or exit code; four or five only an error's own code
        // (`ERROR 1045`, `error 53300`), not a count after `exit`.
        guard run.count == 3 || errorCodeWords.contains(w) else { return nil }
        return .word(String(decoding: run, as: UTF8.self))
    }

    /// Words after which a number of four or five digits is the error's code.
    static let errorCodeWords: Set<String> = ["error", "errno", "code"]
}
