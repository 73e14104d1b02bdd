import Foundation
import Testing

@testable import BeadsRemedy

@Suite struct CurlTransportTests {
    @Test func theLastHeaderBlockIsTheResponse() throws {
        let raw =
            "HTTP/1.1 100 Continue\r\n\r\nHTTP/2 403 \r\nRetry-After: 7\r\nX-RateLimit-Remaining: 0\r\n\r\n{\"message\":\"rate limit\"}"
        let response = try CurlTransport.parse(Data(raw.utf8))
        #expect(response.status == 403)
        #expect(response.headers["retry-after"] == "7")
        #expect(response.headers["x-ratelimit-remaining"] == "0")
        #expect(String(decoding: response.body, as: UTF8.self) == #"{"message":"rate limit"}"#)
        #expect(throws: CurlTransport.Failure.self) { try CurlTransport.parse(Data("garbage".utf8)) }
    }

    @Test func configValuesAreQuotedForCurl() {
        #expect(CurlTransport.quoted(#"Bearer a"b\c"#) == #""Bearer a\"b\\c""#)
        #expect(CurlTransport.quoted("{\"ref\":\"main\"}") == #""{\"ref\":\"main\"}""#)
    }
}
