import BeadsStore
import Foundation

/// Hides secrets in text before it is shown, logged or stored: the values of
/// environment variables whose names say they are secret (`*TOKEN*`, `*SECRET*`,
/// `*PASSWORD*`, `*KEY*`), anything shaped like a GitHub token, and every credential
/// shape `SecretShapes` knows (URL passwords, Authorization headers, cloud and registry
/// tokens, private keys, JWTs, `password=` assignments). The one masker for pastes,
/// stored errors and children's output.
public struct SecretMasker: Sendable {
    public static let replacement = "***"
    static let secretNameParts = ["TOKEN", "SECRET", "PASSWORD", "PASSWD", "KEY"]
    static let tokenPrefixes = ["ghp_", "gho_", "ghs_", "ghu_", "ghr_", "github_pat_"]
    /// Values shorter than this are not masked: "1" or "true" would mangle everything.
    static let minimumLength = 6

    private let values: [String]

    public init(environment: [String: String]) {
        values = environment.compactMap { name, value in
            let upper = name.uppercased()
            guard Self.secretNameParts.contains(where: { upper.contains($0) }), value.count >= Self.minimumLength else { return nil }
            return value
        }.sorted { $0.count > $1.count }
    }

    /// The longest text that may be a secret: a value, or a token shape.
    var longestSecret: Int { max(values.first.map { $0.utf8.count } ?? 0, 255) }

    /// Where `bytes` can be cut without splitting a secret: before the start of any value
    /// or token prefix that begins near the end and runs to it.
    func safeCut(_ bytes: [UInt8]) -> Int {
        var cut = max(0, bytes.count - longestSecret)
        let candidates = values.map { Array($0.utf8) } + Self.tokenPrefixes.map { Array($0.utf8) }
        var start = max(0, cut - longestSecret)
        while start < cut {
            for candidate in candidates {
                // A secret starting here that the cut would split.
                let available = min(candidate.count, bytes.count - start)
                if available > 0, bytes[start..<(start + available)].elementsEqual(candidate.prefix(available)),
                    start + candidate.count > cut || (Self.tokenPrefixes.contains(String(decoding: candidate, as: UTF8.self)))
                {
                    cut = start
                    break
                }
            }
            start += 1
        }
        return cut
    }

    public func mask(_ text: String) -> String {
        var out = text
        for value in values where out.containsBytes(value) {
            out = out.replacingOccurrences(of: value, with: Self.replacement)
        }
        return SecretShapes.mask(Self.maskTokenShapes(out))
    }

    static func maskTokenShapes(_ text: String) -> String {
        guard tokenPrefixes.contains(where: { text.containsBytes($0) }) else { return text }
        var out = ""
        var rest = Substring(text)
        while let (prefix, range) = tokenPrefixes.compactMap({ p in rest.range(of: p).map { (p, $0) } }).min(by: {
            $0.1.lowerBound < $1.1.lowerBound
        }) {
            _ = prefix
            out += rest[..<range.lowerBound]
            var end = range.upperBound
            while end < rest.endIndex, rest[end].isLetter || rest[end].isNumber || rest[end] == "_" { end = rest.index(after: end) }
            // A prefix with nothing after it ("ghp_" in prose) is not a token.
            out += rest.distance(from: range.upperBound, to: end) >= 8 ? replacement : String(rest[range.lowerBound..<end])
            rest = rest[end...]
        }
        return out + rest
    }
}

/// Writes a child's output through the masker a line at a time, so a secret split
/// across two reads is still caught.
public final class MaskingLineWriter: Sendable {
    private let masker: SecretMasker
    private let sink: @Sendable (String) -> Void
    private let pending = Locked(Data())
    /// Whether a private key block began in what was written and has not ended: its
    /// body arrives in later writes, which are held back to its end.
    private let insideKey = Locked(false)

    public init(masker: SecretMasker, sink: @escaping @Sendable (String) -> Void) {
        self.masker = masker
        self.sink = sink
    }

    public func write(_ data: Data) {
        pending.withLock { pending in
            pending.append(data)
            guard let lastNewline = pending.lastIndex(of: 0x0A) else {
                // Never hold more than 64 KiB back for want of a newline; but never cut a
                // secret in two either: what may be the start of one stays for the next write.
                if pending.count > 65_536 {
                    let cut = masker.safeCut(Array(pending))
                    sink(masker.mask(String(decoding: pending.prefix(cut), as: UTF8.self)))
                    pending = Data(pending.dropFirst(cut))
                }
                return
            }
            emit(String(decoding: pending[...lastNewline], as: UTF8.self))
            pending = Data(pending[pending.index(after: lastNewline)...])
        }
    }

    /// Complete lines, masked; a private key's body never leaves, whatever the writes.
    private func emit(_ lines: String) {
        var text = lines
        if insideKey.withLock({ $0 }) {
            guard let end = text.range(of: "-----END ") else { return }
            text = SecretMasker.replacement + text[end.lowerBound...]
            insideKey.withLock { $0 = false }
        }
        let masked = masker.mask(text)
        // A block begun and not ended: the last BEGIN of a private key comes after the last END.
        if let begin = masked.range(of: "-----BEGIN ", options: .backwards),
            masked[begin.upperBound...].prefix(64).contains("PRIVATE KEY-----"),
            (masked.range(of: "-----END ", options: .backwards).map { $0.lowerBound < begin.lowerBound } ?? true)
        {
            insideKey.withLock { $0 = true }
        }
        sink(masked)
    }

    public func flush() {
        pending.withLock { pending in
            if !pending.isEmpty { sink(masker.mask(String(decoding: pending, as: UTF8.self))) }
            pending = Data()
        }
    }
}
