import BeadsStore
import Foundation

/// HTTP for the Actions client through a `curl` child process. URLSession would pull in
/// FoundationNetworking, which links libcurl, which has no static build on Debian: with
/// curl as a child the release build links the Swift runtime statically and starts in a
/// third of the time. The request, token included, reaches curl as a config file on its
/// standard input (`-K -`), never in its argv.
struct CurlTransport: Sendable {
    var environment: [String: String]
    var connectTimeout = 10
    var maxTime = 120

    struct Response {
        var status: Int
        var headers: [String: String]
        var body: Data
    }

    enum Failure: Error {
        case missing
        case failed(String)
    }

    func send(method: String, url: String, headers: [(String, String)], body: Data?) async throws(Failure) -> Response {
        guard let curl = CommandLocator(environment: environment).find("curl") else { throw .missing }
        var config = [
            "url = \(Self.quoted(url))",
            "request = \(Self.quoted(method))",
            "silent", "show-error", "include",
            "connect-timeout = \(connectTimeout)",
            "max-time = \(maxTime)",
        ]
        for (name, value) in headers { config.append("header = \(Self.quoted("\(name): \(value)"))") }
        if let body { config.append("data-binary = \(Self.quoted(String(decoding: body, as: UTF8.self)))") }
        let output = Locked(Collected())
        let outcome: ChildOutcome
        do {
            // No proxy or .curlrc surprises beyond what the user's environment already sets.
            outcome = try await ChildProcess(
                executable: curl, arguments: ["--disable", "-K", "-"], environment: environment,
                standardInput: Data((config.joined(separator: "\n") + "\n").utf8)
            )
            .run { data, isError in output.withLock { if isError { $0.stderr.append(data) } else { $0.stdout.append(data) } } }
        } catch {
            throw .failed("could not start curl: \(error)")
        }
        guard outcome.exitCode == 0 else {
            let message = String(decoding: output.current.stderr, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw .failed(message.isEmpty ? "curl exited with \(outcome.exitCode)" : message)
        }
        return try Self.parse(output.current.stdout)
    }

    /// `--include` output: one or more header blocks (a `100 Continue`, redirects), then
    /// the body. The last block is the response's.
    static func parse(_ data: Data) throws(Failure) -> Response {
        var rest = Data(data)
        var status = 0
        var headers: [String: String] = [:]
        let separator = Data("\r\n\r\n".utf8)
        while rest.starts(with: Data("HTTP/".utf8)) {
            guard let end = rest.range(of: separator) else { throw .failed("a reply without the end of its headers") }
            let block = String(decoding: rest[rest.startIndex..<end.lowerBound], as: UTF8.self)
            rest = Data(rest[end.upperBound...])
            let lines = block.components(separatedBy: "\r\n")
            let statusWords = lines[0].split(separator: " ")
            guard statusWords.count >= 2, let code = Int(statusWords[1]) else { throw .failed("a reply without a status: \(lines[0])") }
            status = code
            headers = [:]
            for line in lines.dropFirst() {
                guard let colon = line.firstIndex(of: ":") else { continue }
                headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
        }
        guard status != 0 else { throw .failed("a reply that is not HTTP") }
        return Response(status: status, headers: headers, body: rest)
    }

    /// curl's config syntax: a double-quoted string with `\` and `"` escaped.
    static func quoted(_ value: String) -> String {
        var out = "\""
        for ch in value {
            switch ch {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default: out.append(ch)
            }
        }
        return out + "\""
    }

    struct Collected: Sendable {
        var stdout = Data()
        var stderr = Data()
    }
}
