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
