import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Debian's Chromium, headless, driven over the Chrome DevTools Protocol on a pipe
/// (`--remote-debugging-pipe`: commands in on fd 3, answers out on fd 4, each message JSON
/// ended by a NUL). A real browser: it runs the page's script, follows the forms, keeps
/// the cookies, holds the event stream open, and draws the screenshots.
public final class HeadlessBrowser: @unchecked Sendable {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// The browser on PATH, if any: chromium (Debian), chromium-browser, google-chrome.
    public static let executable: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            for dir in path.split(separator: ":") where FileManager.default.isExecutableFile(atPath: "\(dir)/\(name)") {
                return "\(dir)/\(name)"
            }
        }
        return nil
    }()

    public static let missingMessage =
        "Chromium is not installed (make test installs Debian's chromium where it can: apt-get install chromium); the browser tests were skipped"

    let pid: pid_t
    let commands: Int32
    let answers: Int32
    let profile: String
    var buffer: [UInt8] = []
    var nextID = 0
    /// The page's CDP session.
    var session = ""

    public init(width: Int = 1280, height: Int = 900) throws {
        guard let executable = Self.executable else { throw Failure(description: Self.missingMessage) }
        profile = NSTemporaryDirectory() + "beads-chromium-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: profile, withIntermediateDirectories: true)
        var toBrowser: [Int32] = [0, 0], fromBrowser: [Int32] = [0, 0]
        guard pipe(&toBrowser) == 0, pipe(&fromBrowser) == 0 else { throw Failure(description: "pipe: \(errno)") }
        for fd in toBrowser + fromBrowser { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, toBrowser[0], 3)
        posix_spawn_file_actions_adddup2(&actions, fromBrowser[1], 4)
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, profile + "/chromium.log", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // Its own process group, so that its renderers go with it.
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)
        let arguments = [
            executable, "--headless", "--no-sandbox", "--disable-gpu", "--remote-debugging-pipe", "--user-data-dir=\(profile)",
            "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--disable-background-networking",
            "--disable-sync", "--hide-scrollbars", "--mute-audio", "--window-size=\(width),\(height)", "about:blank",
        ]
        var argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var child = pid_t()
        let spawned = posix_spawn(&child, executable, &actions, &attributes, &argv, environ)
        close(toBrowser[0])
        close(fromBrowser[1])
        guard spawned == 0 else {
            close(toBrowser[1])
            close(fromBrowser[0])
            throw Failure(description: "could not start \(executable): \(String(cString: strerror(spawned)))")
        }
        pid = child
        commands = toBrowser[1]
        answers = fromBrowser[0]
        let target = try call("Target.createTarget", ["url": "about:blank"], inPage: false)
        guard let targetID = target["targetId"] as? String else { throw Failure(description: "no target: \(target)") }
        let attached = try call("Target.attachToTarget", ["targetId": targetID, "flatten": true], inPage: false)
        session = attached["sessionId"] as? String ?? ""
        try resize(width: width, height: height, mobile: false)
    }

    deinit {
        _ = try? call("Browser.close", [:], inPage: false, timeout: 3)
        kill(-pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        close(commands)
        close(answers)
        try? FileManager.default.removeItem(atPath: profile)
    }

    /// One CDP command and its result; an error answer throws.
    @discardableResult
    public func call(_ method: String, _ parameters: [String: Any] = [:], inPage: Bool = true, timeout: TimeInterval = 30) throws
        -> [String: Any]
    {
        nextID += 1
        let id = nextID
        var message: [String: Any] = ["id": id, "method": method, "params": parameters]
        if inPage { message["sessionId"] = session }
        var bytes = [UInt8](try JSONSerialization.data(withJSONObject: message))
        bytes.append(0)
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBytes { write(commands, $0.baseAddress, $0.count) }
            guard n > 0 else { throw Failure(description: "the browser closed its pipe (\(method))") }
            written += n
        }
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let answer = try nextMessage(until: deadline, waitingFor: method)
            guard answer["id"] as? Int == id else { continue }
            if let error = answer["error"] as? [String: Any] {
                throw Failure(description: "\(method): \(error["message"] ?? error)")
            }
            return answer["result"] as? [String: Any] ?? [:]
        }
    }

    func nextMessage(until deadline: Date, waitingFor method: String) throws -> [String: Any] {
        while true {
            if let end = buffer.firstIndex(of: 0) {
                let data = Data(buffer[..<end])
                buffer.removeSubrange(...end)
                return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
            }
            let left = deadline.timeIntervalSinceNow
            guard left > 0 else { throw Failure(description: "the browser did not answer \(method) in time") }
            var poller = pollfd(fd: answers, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, Int32(min(left, 1) * 1000)) >= 0 else { continue }
            guard poller.revents != 0 else { continue }
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            let n = read(answers, &chunk, chunk.count)
            guard n > 0 else { throw Failure(description: "the browser exited (\(method))") }
            buffer += chunk[..<n]
        }
    }

    public func resize(width: Int, height: Int, mobile: Bool) throws {
        try call("Emulation.setDeviceMetricsOverride", ["width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile])
    }

    public func open(_ url: String) throws {
        try call("Page.navigate", ["url": url])
        try waitFor("document.readyState === 'complete' && location.href === \(Self.quote(url))", what: "\(url) to load")
    }

    /// The value of a JavaScript expression (promises awaited); nil when it throws or is undefined.
    @discardableResult
    public func evaluate(_ expression: String) throws -> Any? {
        let result = try call("Runtime.evaluate", ["expression": expression, "returnByValue": true, "awaitPromise": true])
        if result["exceptionDetails"] != nil { return nil }
        return (result["result"] as? [String: Any])?["value"]
    }

    public func string(_ expression: String) throws -> String {
        (try evaluate(expression) as? String) ?? ""
    }

    /// Waits until the expression is true (a page being replaced counts as not yet).
    public func waitFor(_ expression: String, what: String, timeout: TimeInterval = 20) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if (try? evaluate("Boolean(\(expression))")) as? Bool == true { return }
            Thread.sleep(forTimeInterval: 0.1)
        }
        throw Failure(
            description:
                "waited \(Int(timeout)) s for \(what); the page says: \(((try? string("document.body ? document.body.innerText : ''")) ?? "").prefix(400))"
        )
    }

    /// A PNG of the whole page at the current width.
    public func screenshot(to path: String) throws {
        let height = (try evaluate("document.documentElement.scrollHeight") as? Int) ?? 900
        let width = (try evaluate("window.innerWidth") as? Int) ?? 1280
        let shot = try call(
            "Page.captureScreenshot",
            [
                "format": "png", "captureBeyondViewport": true,
                "clip": ["x": 0, "y": 0, "width": width, "height": min(height, 6000), "scale": 1],
            ])
        guard let base64 = shot["data"] as? String, let data = Data(base64Encoded: base64) else {
            throw Failure(description: "no screenshot data")
        }
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try data.write(to: URL(fileURLWithPath: path))
    }

    /// A JavaScript string literal.
    public static func quote(_ text: String) -> String {
        let data = try! JSONSerialization.data(withJSONObject: [text])
        return String(String(decoding: data, as: UTF8.self).dropFirst().dropLast())
    }
}
