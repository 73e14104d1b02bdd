import Foundation
import Crypto

/// Hash ids as bd makes them: `prefix-` followed by base36 characters of a SHA-256
/// over the bead's content, as short as the birthday bound allows.
public enum BeadID {
    static let alphabet = Array("0123456789abcdefghijklmnopqrstuvwxyz")

    /// The shortest length (3...8) at which a new id among `existing` others collides
    /// with probability at most `maxCollision` (bd uses 0.25).
    public static func length(forExisting existing: Int, maxCollision: Double = 0.25) -> Int {
        let n = Double(existing + 1)
        for length in 3...8 {
            let space = pow(36.0, Double(length))
            let probability = 1 - exp(-(n * n) / (2 * space))
            if probability <= maxCollision { return length }
        }
        return 8
    }

    /// One candidate id. Different nonces give different ids for the same content.
    public static func make(
        prefix: String, title: String, description: String, creator: String, createdAt: String,
        nonce: Int, length: Int
    ) -> String {
        let content = "\(title)|\(description)|\(creator)|\(createdAt)|\(nonce)"
        let digest = Array(SHA256.hash(data: Data(content.utf8)))
        // 8 bytes give 64 bits, more than 8 base36 characters (41 bits) need.
        var value = digest.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        var chars: [Character] = []
        for _ in 0..<length {
            chars.append(alphabet[Int(value % 36)])
            value /= 36
        }
        return "\(prefix)-\(String(chars))"
    }

    /// A fresh id not in `taken`, retrying with new nonces on collision.
    public static func fresh(
        prefix: String, title: String, description: String, creator: String, createdAt: String,
        taken: Set<String>
    ) -> String {
        var length = length(forExisting: taken.count)
        var nonce = 0
        while true {
            let id = make(prefix: prefix, title: title, description: description, creator: creator,
                          createdAt: createdAt, nonce: nonce, length: length)
            if !taken.contains(id) { return id }
            nonce += 1
            if nonce % 10 == 0, length < 8 { length += 1 }
        }
    }

    /// Whether a string has the shape of a bead id with one of the given prefixes
    /// (`mo-jgo`, `mo-3t8p`, children `mo-3t8p.1`).
    public static func isWellFormed(_ id: String) -> Bool {
        id.range(of: #"^[a-z][a-z0-9]*-[0-9a-z]{3,12}(\.[0-9]+){0,3}$"#, options: .regularExpression) != nil
    }
}
