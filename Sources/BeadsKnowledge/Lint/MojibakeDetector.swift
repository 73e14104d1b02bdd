/// Finds text that is UTF-8 read in a single-byte encoding and written back as UTF-8:
/// `‚úÖ` is ✅ read as Mac Roman, `âœ…` the same bytes read as Windows-1252.
///
/// A UTF-8 sequence of a non-ASCII character is all bytes 0x80 and above, so its
/// mojibake is a run of non-ASCII characters. Each run is mapped back to bytes through
/// each candidate encoding and kept where those bytes are strict UTF-8.
public enum MojibakeDetector {
    public struct Finding: Sendable, Equatable {
        /// Character offsets in the line.
        public var range: Range<Int>
        public var garbled: String
        public var intended: String
        public var encoding: String
    }

    struct Encoding {
        var name: String
        /// Character → byte, for bytes 0x80...0xFF.
        var bytes: [UInt32: UInt8]
    }

    static let macRomanHigh: [UInt32] = [
        0x00C4, 0x00C5, 0x00C7, 0x00C9, 0x00D1, 0x00D6, 0x00DC, 0x00E1, 0x00E0, 0x00E2, 0x00E4, 0x00E3, 0x00E5, 0x00E7, 0x00E9, 0x00E8,
        0x00EA, 0x00EB, 0x00ED, 0x00EC, 0x00EE, 0x00EF, 0x00F1, 0x00F3, 0x00F2, 0x00F4, 0x00F6, 0x00F5, 0x00FA, 0x00F9, 0x00FB, 0x00FC,
        0x2020, 0x00B0, 0x00A2, 0x00A3, 0x00A7, 0x2022, 0x00B6, 0x00DF, 0x00AE, 0x00A9, 0x2122, 0x00B4, 0x00A8, 0x2260, 0x00C6, 0x00D8,
        0x221E, 0x00B1, 0x2264, 0x2265, 0x00A5, 0x00B5, 0x2202, 0x2211, 0x220F, 0x03C0, 0x222B, 0x00AA, 0x00BA, 0x03A9, 0x00E6, 0x00F8,
        0x00BF, 0x00A1, 0x00AC, 0x221A, 0x0192, 0x2248, 0x2206, 0x00AB, 0x00BB, 0x2026, 0x00A0, 0x00C0, 0x00C3, 0x00D5, 0x0152, 0x0153,
        0x2013, 0x2014, 0x201C, 0x201D, 0x2018, 0x2019, 0x00F7, 0x25CA, 0x00FF, 0x0178, 0x2044, 0x20AC, 0x2039, 0x203A, 0xFB01, 0xFB02,
        0x2021, 0x00B7, 0x201A, 0x201E, 0x2030, 0x00C2, 0x00CA, 0x00C1, 0x00CB, 0x00C8, 0x00CD, 0x00CE, 0x00CF, 0x00CC, 0x00D3, 0x00D4,
        0xF8FF, 0x00D2, 0x00DA, 0x00DB, 0x00D9, 0x0131, 0x02C6, 0x02DC, 0x00AF, 0x02D8, 0x02D9, 0x02DA, 0x00B8, 0x02DD, 0x02DB, 0x02C7,
    ]
    /// Windows-1252 at 0x80...0x9F (0 where the code page defines nothing).
    static let windows1252Low: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]

    static let encodings: [Encoding] = {
        var mac: [UInt32: UInt8] = [:]
        for (k, v) in macRomanHigh.enumerated() { mac[v] = UInt8(0x80 + k) }
        var latin1: [UInt32: UInt8] = [:]
        for b in 0x80...0xFF { latin1[UInt32(b)] = UInt8(b) }
        // Decoders keep 1252's five undefined bytes as the Latin-1 control characters.
        var windows = latin1
        for (k, v) in windows1252Low.enumerated() where v != 0 {
            windows[UInt32(0x80 + k)] = nil
            windows[v] = UInt8(0x80 + k)
        }
        return [
            Encoding(name: "Mac Roman", bytes: mac), Encoding(name: "Windows-1252", bytes: windows),
            Encoding(name: "Latin-1", bytes: latin1),
        ]
    }()

    /// Every stretch of mojibake in one line, left to right.
    public static func find(in line: String) -> [Finding] {
        let scalars = Array(line.unicodeScalars)
        var findings: [Finding] = []
        var i = 0
        while i < scalars.count {
            guard scalars[i].value >= 0x80 else {
                i += 1
                continue
            }
            var best: (consumed: Int, decoded: [Unicode.Scalar], encoding: String)?
            for encoding in encodings {
                let (consumed, decoded) = decodeRun(scalars, from: i, through: encoding)
                guard consumed > 0, isPlausible(decoded) else { continue }
                if consumed > best?.consumed ?? 0 { best = (consumed, decoded, encoding.name) }
            }
            guard let best else {
                i += 1
                continue
            }
            findings.append(
                Finding(
                    range: i..<(i + best.consumed),
                    garbled: String(String.UnicodeScalarView(scalars[i..<(i + best.consumed)])),
                    intended: String(String.UnicodeScalarView(best.decoded)),
                    encoding: best.encoding))
            i += best.consumed
        }
        return findings
    }

    /// The line with every finding replaced by what was meant.
    public static func repair(_ line: String) -> String {
        var scalars = Array(line.unicodeScalars)
        for finding in find(in: line).reversed() {
            scalars.replaceSubrange(finding.range, with: Array(finding.intended.unicodeScalars))
        }
        return String(String.UnicodeScalarView(scalars))
    }

    /// As many whole UTF-8 sequences as the characters from `start` spell in `encoding`.
    static func decodeRun(_ scalars: [Unicode.Scalar], from start: Int, through encoding: Encoding) -> (Int, [Unicode.Scalar]) {
        var j = start
        var decoded: [Unicode.Scalar] = []
        while j < scalars.count, let lead = encoding.bytes[scalars[j].value] {
            let length =
                switch lead {
                case 0xC2...0xDF: 2
                case 0xE0...0xEF: 3
                case 0xF0...0xF4: 4
                default: 0
                }
            guard length > 0, j + length <= scalars.count else { break }
            var bytes = [lead]
            for k in 1..<length {
                guard let b = encoding.bytes[scalars[j + k].value], (0x80...0xBF).contains(b) else { break }
                bytes.append(b)
            }
            // Strict decoding refuses overlong forms and surrogates.
            guard bytes.count == length, let text = String(validating: bytes, as: UTF8.self),
                text.unicodeScalars.count == 1
            else { break }
            decoded.append(contentsOf: text.unicodeScalars)
            j += length
        }
        return (j - start, decoded)
    }

    /// Whether decoded text is something a person would write: no control characters,
    /// private-use or unassigned code points, and not only combining marks.
    static func isPlausible(_ scalars: [Unicode.Scalar]) -> Bool {
        var visible = false
        for s in scalars {
            switch s.properties.generalCategory {
            case .control, .privateUse, .unassigned, .surrogate: return false
            case .nonspacingMark, .enclosingMark, .spacingMark, .format: continue
            default: visible = true
            }
        }
        return visible
    }
}
