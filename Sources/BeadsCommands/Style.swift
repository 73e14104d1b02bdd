import Foundation

/// Colour and bold for people at a terminal: the bead id, the verdict, the recommended
/// fix. Styled text carries markers (private-use characters) that `Terminal` turns into
/// ANSI codes on a terminal and drops everywhere else: in a pipe, a file, with
/// `NO_COLOR` set, or for `TERM=dumb`. Each marker stands for one entry of a fixed
/// table, so a marker smuggled into a bead's title can change a colour at most, never
/// send the terminal anything else.
enum Style: Character, CaseIterable {
    case bold = "\u{E011}"
    case dim = "\u{E012}"
    case red = "\u{E013}"
    case green = "\u{E014}"
    case yellow = "\u{E015}"
    case cyan = "\u{E016}"
    case reset = "\u{E01F}"

    var code: String {
        switch self {
        case .bold: "1"
        case .dim: "2"
        case .red: "31"
        case .green: "32"
        case .yellow: "33"
        case .cyan: "36"
        case .reset: "0"
        }
    }

    func callAsFunction(_ text: String) -> String { "\(rawValue)\(text)\(Style.reset.rawValue)" }

    static let markers = Set(allCases.map(\.rawValue))

    /// Whether a stream gets colours: a terminal, no NO_COLOR, not a dumb terminal.
    static func isEnabled(for sink: OutputSink, environment: [String: String]) -> Bool {
        sink.isTerminal && (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb"
    }

    /// The text with its markers as ANSI codes, or without them. On the UTF-8 bytes
    /// (each marker is EE 80 9x): walking Characters made this 44% of `blocked` at 10k.
    static func render(_ text: String, enabled: Bool) -> String {
        var text = text
        return text.withUTF8 { bytes -> String in
            guard bytes.count >= 3, memchr(bytes.baseAddress!, 0xEE, bytes.count) != nil else {
                return String(decoding: bytes, as: UTF8.self)
            }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + bytes.count / 8)
            var k = 0, copied = 0
            while k + 2 < bytes.count {
                guard bytes[k] == 0xEE, bytes[k + 1] == 0x80, let style = byThirdByte[bytes[k + 2]] else {
                    k += 1
                    continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<k]))
                if enabled { out.append(contentsOf: "\u{1B}[\(style.code)m".utf8) }
                k += 3
                copied = k
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Each marker by the last byte of its UTF-8 form.
    private static let byThirdByte: [UInt8: Style] = Dictionary(
        uniqueKeysWithValues: allCases.map {
            (Array(String($0.rawValue).utf8)[2], $0)
        })
}
