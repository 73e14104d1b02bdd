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
        var out = text
        for shape in shapes where shape.trigger.isEmpty || lowered.containsBytes(shape.trigger) {
            // The assignment shape needs one of its names: a cheap test before the regex.
            if shape.trigger.isEmpty, !assignmentNames.contains(where: { lowered.containsBytes($0) }) { continue }
            let range = NSRange(out.startIndex..., in: out)
            out = shape.regex.stringByReplacingMatches(in: out, range: range, withTemplate: shape.template)
        }
        return out
    }

    static let assignmentNames = ["secret", "token", "passw", "pwd", "key"]
}
