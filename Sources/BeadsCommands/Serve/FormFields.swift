import Foundation

/// `application/x-www-form-urlencoded`, as a browser posts the forms.
enum FormFields {
    static func value(_ name: String, in body: Data) -> String? {
        for pair in body.split(separator: UInt8(ascii: "&")) {
            let parts = pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, decode(parts[0]) == name else { continue }
            // Only the field asked for must be UTF-8.
            return decode(parts[1])
        }
        return nil
    }

    /// The fields of a query string as a browser's GET form writes it (`+` for a space),
    /// the first of each name; a field that is not UTF-8 is left out.
    static func query(_ query: String) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in Data(query.utf8).split(separator: UInt8(ascii: "&")) {
            let parts = pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = decode(parts[0]), fields[name] == nil else { continue }
            fields[name] = parts.count == 2 ? decode(parts[1]) : ""
        }
        return fields
    }

    /// `+` is a space, `%XX` a byte; nil when the bytes are not UTF-8.
    static func decode(_ bytes: Data.SubSequence) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var k = bytes.startIndex
        while k < bytes.endIndex {
            let b = bytes[k]
            if b == UInt8(ascii: "+") {
                out.append(0x20)
            } else if b == UInt8(ascii: "%"), k + 2 < bytes.endIndex,
                let byte = UInt8(String(decoding: bytes[(k + 1)...(k + 2)], as: UTF8.self), radix: 16)
            {
                out.append(byte)
                k += 2
            } else {
                out.append(b)
            }
            k += 1
        }
        return String(validating: out, as: UTF8.self)
    }
}
