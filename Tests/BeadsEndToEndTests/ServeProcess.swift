import Foundation

/// `beads serve` started as a newcomer starts it, on a free port of 127.0.0.1, with the
/// address read from the line it prints; stopped (SIGTERM) when the test lets go of it.
final class ServeProcess {
    let process = Process()
    let output = Pipe()
    let kb: ScratchKnowledgeBase
    var url = ""

    init(kb: ScratchKnowledgeBase, arguments: [String] = [], environment: [String: String] = [:]) throws {
        self.kb = kb
        process.executableURL = URL(fileURLWithPath: BeadsBinary.path)
        process.arguments = ["serve", "--port", "0", "--kb", kb.path] + arguments
        var env = ProcessInfo.processInfo.environment
        for key in ["BEADS_DIR", "BEADS_ENV", "BEADS_ACTOR"] { env[key] = nil }
        env.merge(environment) { _, new in new }
        process.environment = env
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        var line = Data()
        while !line.contains(0x0A) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
        }
        let text = String(decoding: line, as: UTF8.self)
        url = text.split(separator: " ").first { $0.hasPrefix("http://") }.map(String.init) ?? ""
        if url.isEmpty {
            throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "beads serve printed no address: \(text)"])
        }
    }

    deinit {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
    }

    /// The server's answer to GET `path`, and how long it took, as curl measures it.
    func get(_ path: String, _ extra: [String] = []) throws -> (status: Int, body: String) {
        try curl(extra + [url + path.dropFirst(path.hasPrefix("/") ? 1 : 0)])
    }

    /// A form posted as the browser posts it: the page that holds the form is opened
    /// first (its session cookie kept in a jar) and the form's token sent with the fields.
    func postForm(
        _ path: String, _ fields: [String], from page: String = "/", jar: String? = nil,
        stdin: Data? = nil
    ) throws -> (status: Int, body: String) {
        let jar = jar ?? kb.path + "/cookies-\(UUID().uuidString).txt"
        let opened = try curl(["-c", jar, url + page.dropFirst(1)])
        let marker = #"name="csrf" value=""#
        guard let start = opened.body.range(of: marker) else { return (0, "no csrf field on \(page)") }
        let token = opened.body[start.upperBound...].prefix { $0 != "\"" }
        return try curl(
            ["-b", jar, "-c", jar] + fields + ["--data-urlencode", "csrf=\(token)", url + path.dropFirst(path.hasPrefix("/") ? 1 : 0)],
            stdin: stdin)
    }

    /// curl's answer: the status, then the body.
    func curl(_ arguments: [String], stdin: Data? = nil) throws -> (status: Int, body: String) {
        let run = try BeadsBinary.run(["-s", "-w", "\n%{http_code}"] + arguments, stdin: stdin, in: kb.path, executable: "/usr/bin/curl")
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        return (Int(lines.last ?? "") ?? 0, lines.dropLast().joined(separator: "\n"))
    }
}
