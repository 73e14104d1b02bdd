import Crypto
import Foundation

/// Hash ids as bd makes them: `prefix-` followed by base36 characters of a SHA-256
/// over the bead's content, as short as the birthday bound allows. The recipe is bd's
/// own, byte for byte, so an id made here is the id bd would have made.
public enum BeadID {
    static let alphabet = Array("0123456789abcdefghijklmnopqrstuvwxyz".utf8)
    public static let lengths = 3...8
    /// bd tries ten nonces at one length before it lengthens the id.
    static let noncesPerLength = 10

    /// What a new bead's id is made from.
    public struct Seed: Sendable {
        public var prefix: String
        public var title: String
        public var description: String
        public var creator: String
        /// Creation time in nanoseconds since 1970, as Go's `time.UnixNano()`.
        public var unixNanos: Int64

        public init(prefix: String, title: String, description: String, creator: String, unixNanos: Int64) {
            self.prefix = prefix
            self.title = title
            self.description = description
            self.creator = creator
            self.unixNanos = unixNanos
        }

        public init(prefix: String, title: String, description: String, creator: String, createdAt: Date) {
            let nanos = (createdAt.timeIntervalSince1970 * 1_000_000_000).rounded(.down)
            self.init(prefix: prefix, title: title, description: description, creator: creator, unixNanos: Int64(nanos))
        }
    }

    /// The shortest length (3...8) at which `existing` ids collide with probability at
    /// most `maxCollision`: bd's birthday bound, 1 - e^(-n²/2N) with N = 36^length.
    public static func length(forExisting existing: Int, maxCollision: Double = 0.25) -> Int {
        let n = Double(existing)
        for length in lengths {
            let space = pow(36.0, Double(length))
            if 1 - exp(-(n * n) / (2 * space)) <= maxCollision { return length }
        }
        return lengths.upperBound
    }

    /// One candidate id: sha256 of `title|description|creator|unixNanos|nonce`, the first
    /// few bytes of it read as a big-endian number, written in base36 and cut or padded
    /// to `length`.
    public static func make(_ seed: Seed, nonce: Int, length: Int) -> String {
        let content = "\(seed.title)|\(seed.description)|\(seed.creator)|\(seed.unixNanos)|\(nonce)"
        let digest = Array(SHA256.hash(data: Data(content.utf8)))
        // bd's widths: enough bits for the length, never more than 5 bytes (40 bits).
        let byteCount =
            switch length {
            case 3: 2
            case 4: 3
            case 5, 6: 4
            case 7, 8: 5
            default: 3
            }
        var value = digest.prefix(byteCount).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        var digits: [UInt8] = []
        while value > 0 {
            digits.append(alphabet[Int(value % 36)])
            value /= 36
        }
        while digits.count < length { digits.append(UInt8(ascii: "0")) }
        // Keep the least significant digits, as bd does when the number is longer.
        let hash = String(decoding: digits.prefix(length).reversed(), as: UTF8.self)
        let prefix = seed.prefix.hasSuffix("-") ? String(seed.prefix.dropLast()) : seed.prefix
        return "\(prefix)-\(hash)"
    }

    /// The ids bd would try, in order, in a store that holds `existing` beads: ten
    /// nonces at the birthday-bound length, then ten at each longer one.
    public static func candidates(_ seed: Seed, existing: Int) -> [String] {
        (length(forExisting: existing)...lengths.upperBound).flatMap { length in
            (0..<noncesPerLength).map { make(seed, nonce: $0, length: length) }
        }
    }

}
