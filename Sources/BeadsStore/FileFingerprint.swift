import Crypto
import Foundation

/// Size and modification time of a file: the cheap first test of "did it change?".
/// Only when these differ is the content hashed.
public struct FileFingerprint: Sendable, Equatable, CustomStringConvertible {
    public var size: Int64
    public var mtimeNanoseconds: Int64

    public init(size: Int64, mtimeNanoseconds: Int64) {
        self.size = size
        self.mtimeNanoseconds = mtimeNanoseconds
    }

    /// nil when the file does not exist or is not a regular file.
    public init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        self.init(info)
    }

    /// From a stat already made.
    public init(_ info: stat) {
        size = Int64(info.st_size)
        #if os(Linux)
            mtimeNanoseconds = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        #else
            mtimeNanoseconds = Int64(info.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(info.st_mtimespec.tv_nsec)
        #endif
    }

    public var description: String { "\(size):\(mtimeNanoseconds)" }

    public init?(_ text: String) {
        let parts = text.split(separator: ":")
        guard parts.count == 2, let s = Int64(parts[0]), let m = Int64(parts[1]) else { return nil }
        self.init(size: s, mtimeNanoseconds: m)
    }
}

public enum ContentHash {
    /// Lowercase hex SHA-256.
    public static func sha256<D: DataProtocol>(_ data: D) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }

    public static func sha256(_ text: String) -> String {
        sha256(Data(text.utf8))
    }
}
