import Foundation

/// The cheap questions that decide whether a fix can run here, asked on every `fix`:
/// does a docker daemon answer on its socket (its own `/_ping`, a fraction of a second
/// at most), and does kubectl have a context to talk to. No tool is started.
extension EnvironmentProbe {
    /// Where the docker client would connect: DOCKER_HOST, else the rootless socket in
    /// XDG_RUNTIME_DIR when it exists, else /var/run/docker.sock. Nil for transports
    /// this probe does not speak (ssh://, npipe://).
    func dockerEndpoint() -> DockerEndpoint? {
        if let host = environment["DOCKER_HOST"], !host.isEmpty {
            if host.hasPrefix("unix://") { return .unix(String(host.dropFirst("unix://".count))) }
            if host.hasPrefix("tcp://") {
                let rest = host.dropFirst("tcp://".count).split(separator: "/").first.map(String.init) ?? ""
                let parts = rest.split(separator: ":")
                guard let name = parts.first, let port = parts.count > 1 ? UInt16(parts[1]) : 2375 else { return nil }
                return .tcp(host: String(name), port: port)
            }
            return nil
        }
        if let runtime = environment["XDG_RUNTIME_DIR"], !runtime.isEmpty, exists(runtime + "/docker.sock") {
            return .unix(runtime + "/docker.sock")
        }
        return .unix("/var/run/docker.sock")
    }

    /// Whether a docker daemon answers its ping within `milliseconds`.
    func dockerAnswers(at endpoint: DockerEndpoint, within milliseconds: Int32 = 300) -> Bool {
        let fd: Int32
        switch endpoint {
        case let .unix(socketPath):
            let full = path(socketPath)
            guard exists(socketPath) else { return false }
            fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
            guard fd >= 0 else { return false }
            var address = sockaddr_un()
            address.sun_family = sa_family_t(AF_UNIX)
            let bytes = Array(full.utf8)
            guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else {
                close(fd)
                return false
            }
            withUnsafeMutableBytes(of: &address.sun_path) { buffer in
                for (k, byte) in bytes.enumerated() { buffer[k] = byte }
            }
            guard Self.connect(fd, &address, within: milliseconds) else {
                close(fd)
                return false
            }
        case let .tcp(host, port):
            var hints = addrinfo()
            hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
            var found: UnsafeMutablePointer<addrinfo>?
            guard getaddrinfo(host, String(port), &hints, &found) == 0, let info = found else { return false }
            defer { freeaddrinfo(found) }
            fd = socket(info.pointee.ai_family, info.pointee.ai_socktype, info.pointee.ai_protocol)
            guard fd >= 0 else { return false }
            var storage = sockaddr_storage()
            memcpy(&storage, info.pointee.ai_addr, Int(info.pointee.ai_addrlen))
            guard Self.connect(fd, &storage, within: milliseconds) else {
                close(fd)
                return false
            }
        }
        defer { close(fd) }
        let request = Array("GET /_ping HTTP/1.1\r\nHost: docker\r\nConnection: close\r\n\r\n".utf8)
        guard request.withUnsafeBytes({ send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }) == request.count else { return false }
        var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, milliseconds) > 0 else { return false }
        var reply = [UInt8](repeating: 0, count: 64)
        let count = recv(fd, &reply, reply.count, 0)
        guard count > 12 else { return false }
        let status = String(decoding: reply[0..<count], as: UTF8.self)
        return status.hasPrefix("HTTP/1.") && status.dropFirst(8).hasPrefix(" 200")
    }

    /// A non-blocking connect that gives up after `milliseconds`.
    private static func connect<Address>(_ fd: Int32, _ address: inout Address, within milliseconds: Int32) -> Bool {
        let flags = fcntl(fd, F_GETFL, 0)
        _ = fcntl(fd, F_SETFL, flags | O_NONBLOCK)
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<Address>.size)) }
        }
        if result != 0 {
            guard errno == EINPROGRESS || errno == EAGAIN else { return false }
            var poller = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
            guard poll(&poller, 1, milliseconds) > 0 else { return false }
            var error: Int32 = 0
            var length = socklen_t(MemoryLayout<Int32>.size)
            guard getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length) == 0, error == 0 else { return false }
        }
        _ = fcntl(fd, F_SETFL, flags)
        return true
    }

    /// kubectl's current context, read from its config (KUBECONFIG's files in order,
    /// else ~/.kube/config), or `in-cluster` inside a pod with a service account,
    /// which kubectl uses when no config names one.
    func kubeContext() -> String? {
        let files =
            environment["KUBECONFIG"].map { $0.split(separator: ":").map(String.init) }
            ?? environment["HOME"].map { [$0 + "/.kube/config"] } ?? []
        for file in files {
            guard let text = try? String(contentsOfFile: path(file), encoding: .utf8) else { continue }
            for line in text.split(whereSeparator: \.isNewline) where line.hasPrefix("current-context:") {
                let value = line.dropFirst("current-context:".count).trimmingCharacters(in: .whitespaces)
                    .trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
                if !value.isEmpty { return value }
            }
        }
        if exists("/var/run/secrets/kubernetes.io/serviceaccount/token"), !(environment["KUBERNETES_SERVICE_HOST"] ?? "").isEmpty {
            return "in-cluster"
        }
        return nil
    }
}

/// Where a docker daemon is reached.
public enum DockerEndpoint: Sendable, Equatable, CustomStringConvertible {
    case unix(String)
    case tcp(host: String, port: UInt16)

    public var description: String {
        switch self {
        case let .unix(path): "unix://\(path)"
        case let .tcp(host, port): "tcp://\(host):\(port)"
        }
    }
}
