import Foundation
import Hummingbird

/// Who may talk to the server, checked before any route: the Host a request names must
/// be one the server answers to (a page on another name that resolves here is a DNS
/// rebinding attack), and a request that changes something must not come from another
/// site (a browser says where it came from in Origin, or in Sec-Fetch-Site).
struct RequestGuard<Context: RequestContext>: RouterMiddleware {
    /// Host names (lowercase, without port) the server answers to.
    let allowedHosts: Set<String>

    static var loopbackNames: Set<String> { ["localhost", "127.0.0.1", "[::1]"] }

    init(extraHosts: [String]) {
        allowedHosts = Self.loopbackNames.union(extraHosts.map { $0.lowercased() })
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let json = request.uri.path.hasPrefix("/api/")
        guard let authority = request.head.authority, allowedHosts.contains(Self.hostName(authority)) else {
            let named = request.head.authority.map { "\"\(Self.hostName($0))\"" } ?? "no host"
            return ServeSite.failure(
                "This server answers to \(allowedHosts.sorted().joined(separator: ", ")), not to \(named): a page reached under another name may be a DNS-rebinding attack. Start beads serve with --allow-host NAME to use NAME.",
                status: .forbidden, json: json)
        }
        if ![.get, .head, .options].contains(request.method), let site = Self.crossSite(request, allowed: allowedHosts) {
            return ServeSite.failure(
                "A request from \(site) may not change anything here: use this server's own pages. Nothing was changed.",
                status: .forbidden, json: json)
        }
        return try await next(request, context)
    }

    /// The host of `Host` or `Origin`, lowercased, without its port.
    static func hostName(_ authority: String) -> String {
        let lower = authority.lowercased()
        if lower.hasPrefix("["), let close = lower.firstIndex(of: "]") { return String(lower[...close]) }
        if let colon = lower.lastIndex(of: ":"), lower[lower.index(after: colon)...].allSatisfy(\.isNumber) {
            return String(lower[..<colon])
        }
        return lower
    }

    /// Where a cross-site request came from, or nil when it is this site's own (or not a
    /// browser's: curl and scripts send neither header).
    static func crossSite(_ request: Request, allowed: Set<String>) -> String? {
        let fetchSite = request.headers.first(where: { $0.name.canonicalName == "sec-fetch-site" })?.value
        if let origin = request.headers[.origin], origin != "null" || fetchSite != "same-origin" {
            guard origin != "null", let url = URL(string: origin), let host = url.host,
                url.scheme == "http" || url.scheme == "https"
            else { return "origin \(origin)" }
            let name = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
            return allowed.contains(name.lowercased()) ? nil : "origin \(origin)"
        }
        if let fetchSite, !["same-origin", "none"].contains(fetchSite) {
            return "a \(fetchSite) page"
        }
        return nil
    }
}
