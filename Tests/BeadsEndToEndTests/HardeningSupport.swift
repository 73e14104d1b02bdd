import Foundation

/// Bytes on a TCP connection to 127.0.0.1, as a broken client sends them.
enum RawHTTP {
    static func send(port: Int, _ request: String) throws -> String {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EIO) }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw POSIXError(.ECONNREFUSED) }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let bytes = Array(request.utf8)
        _ = bytes.withUnsafeBytes { Foundation.send(fd, $0.baseAddress, $0.count, 0) }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n <= 0 { break }
            received += buffer[0..<n]
            if String(decoding: received, as: UTF8.self).contains("\r\n\r\n") { break }
        }
        return String(decoding: received, as: UTF8.self)
    }
}

/// A tmpfs of a few megabytes, to fill up.
struct SmallDisk {
    let path: String

    static let canMount: Bool = {
        guard getuid() == 0, let disk = try? SmallDisk(megabytes: 1) else { return false }
        disk.unmount()
        return true
    }()

    init(megabytes: Int) throws {
        path = NSTemporaryDirectory() + "beads-small-disk-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        let run = try BeadsBinary.run(["-t", "tmpfs", "-o", "size=\(megabytes)m", "tmpfs", path], in: "/", executable: "/bin/mount")
        guard run.status == 0 else {
            try? FileManager.default.removeItem(atPath: path)
            throw POSIXError(.EPERM)
        }
    }

    func fill(leavingKilobytes leave: Int) throws {
        emptyFiller()
        var info = statvfs()
        guard statvfs(path, &info) == 0 else { throw POSIXError(.EIO) }
        let free = Int(info.f_bavail) * Int(info.f_frsize) / 1024
        let handle =
            FileHandle(forWritingAtPath: path + "/filler")
            ?? {
                FileManager.default.createFile(atPath: path + "/filler", contents: nil)
                return FileHandle(forWritingAtPath: path + "/filler")!
            }()
        try? handle.write(contentsOf: Data(count: max(0, free - leave) * 1024))
        try? handle.close()
    }

    func emptyFiller() { unlink(path + "/filler") }

    func unmount() {
        _ = try? BeadsBinary.run([path], in: "/", executable: "/bin/umount")
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// The first time something happened, from any thread.
final class Moment: @unchecked Sendable {
    private let lock = NSLock()
    private var date: Date?

    func markOnce() {
        lock.lock()
        if date == nil { date = Date() }
        lock.unlock()
    }

    var value: Date? {
        lock.lock()
        defer { lock.unlock() }
        return date
    }
}
