import Foundation

/// A daemon on a unix socket in the fake machine: answers Docker's `/_ping` as dockerd
/// does, or accepts and stays silent, as a hung daemon does.
public final class FakeDockerSocket: @unchecked Sendable {
    public let path: String
    private let fd: Int32
    private(set) var requests: [String] = []
    private let lock = NSLock()

    public init(at path: String, answers: Bool) {
        self.path = path
        try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            for (k, byte) in path.utf8.enumerated() { buffer[k] = byte }
        }
        _ = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        listen(fd, 4)
        let listener = fd
        Thread {
            while true {
                let client = accept(listener, nil, nil)
                guard client >= 0 else { return }
                var buffer = [UInt8](repeating: 0, count: 1024)
                let count = recv(client, &buffer, buffer.count, 0)
                self.lock.lock()
                self.requests.append(String(decoding: buffer[0..<max(0, count)], as: UTF8.self))
                self.lock.unlock()
                if answers {
                    let reply = Array(
                        "HTTP/1.1 200 OK\r\nApi-Version: 1.47\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nOK".utf8)
                    _ = reply.withUnsafeBytes { send(client, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                    close(client)
                } else {
                    // Hung: hold the connection and say nothing.
                    Thread.sleep(forTimeInterval: 2)
                    close(client)
                }
            }
        }.start()
    }

    public var received: [String] {
        lock.lock()
        defer { lock.unlock() }
        return requests
    }

    deinit {
        shutdown(fd, Int32(SHUT_RDWR))
        close(fd)
        unlink(path)
    }
}
