import BeadsTestSupport
import Foundation
import Testing

@testable import BeadsStore

@Suite struct JSONValueTests {
    @Test func keepsKeyOrderAndNumberText() throws {
        let text = #"{"z":1,"a":2.50,"m":[true,null,-3e2],"o":{"y":"x","b":{}}}"#
        let value = try JSONValue.parse(text)
        #expect(value.encoded() == text)
    }

    @Test func encodesStringsAsGoDoes() throws {
        // bd is written in Go: encoding/json escapes <, >, & and U+2028/9.
        let value = JSONValue.string("a<b>&c\u{2028}\n\t\"\\ é ✅")
        #expect(value.encoded() == #""a\u003cb\u003e\u0026c\u2028\n\t\"\\ é ✅""#)
        #expect(try JSONValue.parse(value.encoded()) == value)
    }

    /// The byte-run encoder against the plain definition (Go's escaping, scalar by scalar)
    /// on random strings drawn from the characters that matter: every escape, the
    /// separators, multi-byte text, and bytes of E2 that are not a separator.
    @Test func encodesRandomStringsAsTheScalarDefinitionDoes() {
        func reference(_ s: String) -> String {
            var out = "\""
            for scalar in s.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                case "\u{08}": out += "\\b"
                case "\u{0C}": out += "\\f"
                case "<", ">", "&", "\u{2028}", "\u{2029}", "\u{00}"..."\u{1F}": out += String(format: "\\u%04x", scalar.value)
                default: out.unicodeScalars.append(scalar)
                }
            }
            return out + "\""
        }
        let pieces: [String] = [
            "a", "Z", " ", "\"", "\\", "\n", "\r", "\t", "\u{08}", "\u{0C}", "\u{00}", "\u{1B}", "<", ">", "&",
            "\u{2028}", "\u{2029}", "\u{2027}", "\u{202A}", "€", "é", "✅", "🧵", "—", "plain words ",
        ]
        var random = SeededRandom(state: 2026)
        for _ in 0..<2_000 {
            let text = (0..<random.below(24)).map { _ in pieces[random.below(pieces.count)] }.joined()
            let encoded = JSONValue.string(text).encoded()
            #expect(encoded == reference(text), "\(Array(text.unicodeScalars))")
        }
    }

    /// Whatever the encoder writes, the parser reads back as the same string: every
    /// escape, multi-byte text, and strings with no escape at all (the parser's short way).
    @Test func parsesBackEveryEncodedString() throws {
        let pieces: [String] = [
            "a", " ", "\"", "\\", "/", "\n", "\r", "\t", "\u{08}", "\u{0C}", "\u{00}", "\u{1B}", "<", ">", "&",
            "\u{2028}", "\u{2029}", "€", "é", "✅", "🧵", "plain words ",
        ]
        var random = SeededRandom(state: 1203)
        for _ in 0..<2_000 {
            let text = (0..<random.below(24)).map { _ in pieces[random.below(pieces.count)] }.joined()
            let encoded = JSONValue.string(text).encoded()
            #expect(try JSONValue.parse(encoded) == .string(text), "\(Array(text.unicodeScalars))")
        }
    }

    @Test func aLoneSurrogateIsReadAsTheReplacementCharacter() throws {
        #expect(try JSONValue.parse(#""\ud800x""#) == .string("\u{FFFD}x"))
        #expect(try JSONValue.parse(#""\ud800\u0041""#) == .string("\u{FFFD}A"))
        #expect(try JSONValue.parse(#""\udc00""#) == .string("\u{FFFD}"))
    }

    @Test func timestampsAreISO8601InUTC() {
        let formatter = ISO8601DateFormatter()
        var random = SeededRandom(state: 42)
        for _ in 0..<500 {
            let date = Date(timeIntervalSince1970: Double(random.below(4_000_000_000)) + 0.75)
            #expect(StoreClock.timestamp(date) == formatter.string(from: date))
        }
    }

    @Test func decodesEscapesAndSurrogatePairs() throws {
        let value = try JSONValue.parse(#""\u00e9\ud83d\ude00\/x""#)
        #expect(value == .string("é😀/x"))
    }

    @Test(arguments: [
        (#"{"a":1,}"#, 8), (#"{"a" 1}"#, 6), (#"[1,2"#, 5), (#"{"a":tru}"#, 6), (#""abc"#, 5), ("{\"a\":\"x\u{1}\"}", 8),
    ])
    func rejectsBrokenJSONWithAColumn(text: String, column: Int) {
        #expect(throws: JSONParseError.self) { try JSONValue.parse(text) }
        do { _ = try JSONValue.parse(text) } catch { #expect(error.column == column) }
    }

    @Test func minifiesWhitespaceFromPrettyInput() throws {
        let value = try JSONValue.parse("{ \"id\": \"x\",  \"n\" : [ 1 , 2 ] }")
        #expect(value.encoded() == #"{"id":"x","n":[1,2]}"#)
    }
}
