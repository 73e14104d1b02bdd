import Foundation

/// Per-browser sessions and their CSRF tokens: a page that can run a recipe carries its
/// session's token in the form, and the run is refused without it. The session is a
/// random cookie (HttpOnly, SameSite=Strict); the token lives only on the server and in
/// the pages it rendered for that session.
actor SessionTokens {
    static let cookieName = "beads_session"
    private var tokens: [String: String] = [:]

    /// The session's token, made on first use.
    func token(for session: String) -> String {
        if let token = tokens[session] { return token }
        let token = Self.random()
        tokens[session] = token
        return token
    }

    func isValid(_ token: String?, for session: String?) -> Bool {
        guard let token, let session, let expected = tokens[session] else { return false }
        // Compared in full whatever the first difference, so timing tells nothing.
        let a = Array(token.utf8), b = Array(expected.utf8)
        guard a.count == b.count else { return false }
        return zip(a, b).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }

    static func random() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in String(format: "%016llx", generator.next() as UInt64) }.joined()
    }
}
