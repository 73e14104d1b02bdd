import BeadsTestSupport
import Foundation
import Testing

/// The second adversarial round (issue 24) against `beads serve`: requests named for
/// another host, writes from another site, broken bodies, and heavy work beside light.
@Suite struct ServeHardeningEndToEndTests {
    /// DNS rebinding and cross-site writes: a request naming another host is refused; a
    /// write from another origin is refused; the form needs its token; the API takes JSON
    /// only (a cross-site form can send text/plain unasked). No hit is recorded by any.
    @Test func rebindingAndCrossSiteWritesAreRefused() throws {
        let kb = ScratchKnowledgeBase()
        let server = try ServeProcess(kb: kb, arguments: ["--allow-run", "--allow-host", "build-box.internal"])
        let port = try #require(URL(string: server.url)?.port)
        let paste = "text=" + ServeEndToEndTests.overlay
        let rebound = try server.curl(["-H", "Host: rebind.attacker.example:\(port)", server.url])
        #expect(rebound.status == 403 && rebound.body.contains("--allow-host"), "\(rebound.body.prefix(300))")
        let reboundPost = try server.curl([
            "-H", "Host: rebind.attacker.example:\(port)", "-H", "Origin: http://rebind.attacker.example:\(port)",
            "--data-urlencode", paste, server.url + "fix",
        ])
        #expect(reboundPost.status == 403)
        #expect(try server.curl(["-H", "Host: build-box.internal:\(port)", server.url]).status == 200)
        #expect(try server.curl(["-H", "Host: localhost:\(port)", server.url]).status == 200)

        let crossOrigin = try server.postForm("fix", ["-H", "Origin: https://evil.example", "--data-urlencode", paste])
        #expect(crossOrigin.status == 403, "\(crossOrigin.body.prefix(300))")
        let crossFetch = try server.postForm("fix", ["-H", "Sec-Fetch-Site: cross-site", "--data-urlencode", paste])
        #expect(crossFetch.status == 403)
        let sandboxed = try server.postForm("fix", ["-H", "Origin: null", "-H", "Sec-Fetch-Site: cross-site", "--data-urlencode", paste])
        #expect(sandboxed.status == 403)
        let noToken = try server.curl(["--data-urlencode", paste, server.url + "fix"])
        #expect(noToken.status == 403 && noToken.body.contains("token"), "\(noToken.body.prefix(300))")
        let plain = try server.curl([
            "-H", "Content-Type: text/plain", "--data-binary", #"{"text":"npm ERR! code ENOTEMPTY"}"#, server.url + "api/fix",
        ])
        #expect(plain.status == 415, "\(plain.body.prefix(300))")
        let jsonCross = try server.curl([
            "-H", "Origin: https://evil.example", "-H", "Content-Type: application/json",
            "--data-binary", #"{"text":"npm ERR! code ENOTEMPTY"}"#, server.url + "api/fix",
        ])
        #expect(jsonCross.status == 403)
        #expect(kb.read("beads/hits.jsonl").isEmpty, "no refused request recorded a hit")

        // The page's own form, from its own origin, still works.
        let own = try server.postForm("fix", ["-H", "Origin: \(server.url.dropLast())", "--data-urlencode", paste])
        #expect(own.status == 200 && own.body.contains("mo-jgo"), "\(own.body.prefix(300))")
    }

    /// Two large triages posted to the page (they used to hold both of the server's
    /// threads, /api/ready waiting 35 s behind them) run off the threads that answer the
    /// other pages: /api/ready, asked after they were sent, answers before either ends.
    @Test func largeTriagesDoNotHoldUpTheOtherPages() async throws {
        let kb = ScratchKnowledgeBase()
        let server = try ServeProcess(kb: kb)
        var logs: [String] = []
        for n in 0..<4_000 { logs.append("step \(n)\nERROR: widget\(n) gadget\(n * 7) sprocket\(n * 13) failed to frobnicate\n") }
        kb.write("logs.txt", logs.joined(separator: "\n-- >8 --\n"))
        let file = kb.path + "/logs.txt"
        let firstTriageEnded = Moment()
        // Only curl runs in the tasks; the server object stays here.
        nonisolated(unsafe) let shared = server
        let triages = (0..<2).map { _ in
            Task.detached { () throws -> Int in
                let answer = try shared.postForm("triage", ["--data-urlencode", "logs@" + file])
                firstTriageEnded.markOnce()
                return answer.status
            }
        }
        usleep(300_000)  // both posted and being worked on
        let ready = try server.curl([server.url + "api/ready"])
        let readyEnded = Date()
        #expect(ready.status == 200)
        for triage in triages { #expect(try await triage.value == 200) }
        let ended = try #require(firstTriageEnded.value)
        #expect(readyEnded < ended, "/api/ready answered \(ended.timeIntervalSince(readyEnded)) s before the first triage ended")
    }

    /// HEAD is answered where GET is; a chunked body that does not parse is the
    /// client's error (400), not "over 10 MiB".
    @Test func headAndMalformedBodiesGetTheRightStatus() throws {
        let server = try ServeProcess(kb: ScratchKnowledgeBase())
        for path in ["", "board", "errors", "docs"] {
            let head = try server.curl(["-I", "-o", "/dev/null", server.url + path])
            #expect(head.status == 200, "HEAD /\(path): \(head.status)")
        }
        let port = try #require(URL(string: server.url)?.port)
        let answer = try RawHTTP.send(
            port: port,
            """
            POST /fix HTTP/1.1\r
            Host: 127.0.0.1:\(port)\r
            Transfer-Encoding: chunked\r
            Content-Type: application/x-www-form-urlencoded\r
            \r
            ZZZ\r
            text=abc\r
            0\r
            \r

            """)
        #expect(answer.hasPrefix("HTTP/1.1 400"), "\(answer.prefix(200))")
        #expect(!answer.contains("10 MiB"))
    }

    /// The address the server was bound to is a name it answers to (a wildcard is none,
    /// and it says how to name the machine).
    @Test func theBoundAddressIsANameItAnswersTo() throws {
        let server = try ServeProcess(kb: ScratchKnowledgeBase(), arguments: ["--host", "127.0.0.2"])
        #expect(server.url.hasPrefix("http://127.0.0.2:"))
        #expect(try server.curl([server.url]).status == 200)
    }
}
