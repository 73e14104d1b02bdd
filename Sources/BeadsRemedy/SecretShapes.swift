import BeadsStore
import Foundation

/// Credentials recognised by their shape, whatever the environment holds: what a paste,
/// a child's output or an error stored in a bead may carry into git-tracked files.
///
/// Each shape keeps what says what the text was (`https://alice:***@host`,
/// `Authorization: Bearer ***`, `password=***`) so the error stays readable and still
/// matches its doc; only the secret goes.
enum SecretShapes {
    struct Shape {
        /// Text the shape cannot occur without (lowercase): most texts skip the regex.
        let trigger: String
        let regex: NSRegularExpression
        let template: String

        /// Whether a match may run over several lines (a private key block).
        var spansLines: Bool { trigger == "private key-----" }

        /// What the shape cannot occur without, any one of them (lowercase).
        var triggers: [String] { trigger.isEmpty ? SecretShapes.assignmentNames : [trigger] }

        /// Whether lowercased text holds one of its triggers.
        func isTriggered(by lowered: String) -> Bool { triggers.contains { lowered.containsBytes($0) } }

        func apply(_ text: String) -> String {
            regex.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: template)
        }

        init(_ trigger: String, _ pattern: String, _ template: String = SecretMasker.replacement) {
            self.trigger = trigger
            // The patterns are constants: a typo is a programming error, caught by the tests.
            regex = try! NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
            self.template = template
        }
    }

    static let masked = NSRegularExpression.escapedTemplate(for: SecretMasker.replacement)

    static let shapes: [Shape] = [
        // Private key blocks (PEM, also inside JSON with `\n` escapes): the base64 body goes.
        Shape(
            "private key-----", #"(-----BEGIN [A-Z ]*PRIVATE KEY-----)(?:[A-Za-z0-9+/=\s]|\\n|\\r)+(-----END [A-Z ]*PRIVATE KEY-----)?"#,
            "$1\(masked)$2"),
        // A URL's password: scheme://user:password@host.
        Shape("@", #"\b([a-z][a-z0-9+.-]*://[^/\s:@"'<>]+):([^/\s@"'<>]+)@"#, "$1:\(masked)@"),
        // Authorization headers and bare bearer tokens.
        Shape(
            "authorization", #"(authorization["']?\s*[:=]\s*["']?(?:(?:bearer|basic|token|bot|digest)\s+)?)[^\s"',]+"#,
            "$1\(masked)"),
        Shape("bearer", #"(\bbearer\s+)[a-z0-9._~+/=-]{8,}"#, "$1\(masked)"),
        // Assignments whose name says the value is secret (`password=…`, `"client_secret": "…"`,
        // `aws_secret_access_key = …`, `//registry.npmjs.org/:_authToken=…`, Azure's AccountKey=…).
        Shape(
            "",
            #"((?:aws_secret_access_key|aws_session_token|secret_access_key|client_secret|secret_key|api[_-]?key|apikey|access[_-]?token|auth[_-]?token|refresh[_-]?token|accountkey|sharedaccesskey|private[_-]?key|password|passwd|pwd|secret|token)["']?\s*[:=]\s*["']?)(?![\[(<{]?\*\*\*|-----|(?:yes|no|true|false|null|none|nil|empty|required|redacted|masked|not set|set)\b)([^\s"',;&<>]{4,})"#,
            "$1\(masked)"),
        // Azure SAS signatures in URLs.
        Shape("sig=", #"([?&]sig=)[a-z0-9%+/=]{16,}"#, "$1\(masked)"),
        // Token formats with a fixed prefix.
        Shape("akia", #"\bAKIA[A-Z0-9]{16}\b"#),
        Shape("asia", #"\bASIA[A-Z0-9]{16}\b"#),
        Shape("aiza", #"\bAIza[0-9A-Za-z_-]{35}"#),
        Shape("xox", #"\bxox[abposre]-[A-Za-z0-9-]{10,}"#),
        Shape("hooks.slack.com", #"(hooks\.slack\.com/services/)[A-Za-z0-9/]+"#, "$1\(masked)"),
        Shape("gl", #"\bgl(?:pat|ptt|dt|rt|cbt|oas)-[A-Za-z0-9_-]{20,}"#),
        Shape("npm_", #"\bnpm_[A-Za-z0-9]{36}\b"#),
        Shape("pypi-", #"\bpypi-AgE[A-Za-z0-9_-]{20,}"#),
        Shape("_live_", #"\b[sr]k_live_[A-Za-z0-9]{16,}"#),
        // JSON Web Tokens: three base64url parts, the first two JSON objects.
        Shape("eyj", #"\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}"#),
    ]

    static func mask(_ text: String) -> String {
        let lowered = text.lowercased()
        let present = shapes.filter { $0.isTriggered(by: lowered) }
        guard !present.isEmpty else { return text }
        // A private key spans lines; every other shape lies within one, and is looked for
        // only in the lines holding its trigger: `key` is in almost any large log, and a
        // regex over all of a 5 MB paste took half of its diagnosis. Where most lines hold
        // it, one pass over the whole text is cheaper than a regex per line.
        let lineCount = lowered.countBytes("\n") + 1
        var whole: String? = text
        var lines: [String] = []
        var loweredLines: [String] = []
        for shape in present {
            let dense = shape.triggers.reduce(0) { $0 + lowered.countBytes($1) } > max(64, lineCount / 10)
            if shape.spansLines || dense {
                whole = shape.apply(whole ?? lines.joined(separator: "\n"))
                continue
            }
            if let text = whole {
                lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                loweredLines = lines.map { $0.lowercased() }
                whole = nil
            }
            for k in loweredLines.indices where shape.isTriggered(by: loweredLines[k]) { lines[k] = shape.apply(lines[k]) }
        }
        return whole ?? lines.joined(separator: "\n")
    }

    static let assignmentNames = ["secret", "token", "passw", "pwd", "key"]
}
