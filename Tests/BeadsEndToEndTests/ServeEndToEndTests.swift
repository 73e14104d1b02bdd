import BeadsTestSupport
import Foundation
import Testing

/// `beads serve` as a newcomer meets it: started on a free port of 127.0.0.1, its address
/// printed, the paste box on the home page, a paste answered with the known error, and
/// bad requests answered with a clear error. Spoken to with curl, a real HTTP client.
@Suite struct ServeEndToEndTests {
    static let overlay =
        #"#5 ERROR: mount source: "overlay", target: "/var/lib/docker/overlay2/z/merged", fstype: overlay, flags: 0, data: "x", err: invalid argument"#

    @Test func aPasteInTheBrowserFindsTheKnownError() throws {
        let server = try ServeProcess(kb: ScratchKnowledgeBase())
        #expect(server.url.hasPrefix("http://127.0.0.1:"), "\(server.url)")
        let home = try server.curl([server.url])
        #expect(home.status == 200)
        #expect(home.body.contains(#"<form method="post" action="/fix">"#) && home.body.contains("<textarea"))

        let fixed = try server.postForm("fix", ["--data-urlencode", "text=" + Self.overlay])
        #expect(fixed.status == 200)
        #expect(fixed.body.contains(#"<span class="bead">mo-jgo</span>"#), "\(fixed.body.prefix(400))")
        #expect(
            fixed.body.contains("<h2>Root cause</h2>") && fixed.body.contains("Fixes, ranked for this machine"), "\(fixed.body.prefix(800))"
        )
        // The matched line shows what the matcher read as variable.
        #expect(
            fixed.body.contains(#"<mark title="read as &lt;path&gt;">/var/lib/docker/overlay2/z/merged</mark>"#),
            "\(fixed.body.prefix(3000))")
        // The paste is shown escaped, never as markup.
        let hostile = try server.postForm("fix", ["--data-urlencode", "text=<script>alert(1)</script> err: invalid argument"])
        #expect(!hostile.body.contains("<script>alert"))

        let api = try server.curl([
            "-H", "Content-Type: application/json", "--data-binary", #"{"text":"npm ERR! code ENOTEMPTY"}"#, server.url + "api/fix",
        ])
        #expect(api.status == 200)
        #expect(try JSONTree.parse(api.body)["matches"]?.array?.first?["bead"] == .string("mo-3bol"))
        // Each diagnosis is a hit, from the server.
        let hits = try JSONTree.parse(try server.kb.run("hits", "--json").stdout).array ?? []
        #expect(hits.filter { $0["source"] == .string("serve") }.count == 3)
    }

    @Test func badRequestsGetAClearErrorAndChangeNothing() throws {
        let server = try ServeProcess(kb: ScratchKnowledgeBase())
        let huge = try server.postForm("fix", ["--data-binary", "@-"], stdin: Data(repeating: UInt8(ascii: "a"), count: 11 << 20))
        #expect(huge.status == 413 && huge.body.contains("over 10 MiB"))
        let binary = try server.postForm("fix", ["--data-binary", "text=%ff%fe%80"])
        #expect(binary.status == 400 && binary.body.contains("not UTF-8"))
        let empty = try server.postForm("fix", ["--data-binary", "text="])
        #expect(empty.status == 400)
        let notJSON = try server.curl(["-H", "Content-Type: application/json", "--data-binary", "text", server.url + "api/fix"])
        #expect(notJSON.status == 400 && notJSON.body.contains("\"error\""))
        let notDeclared = try server.curl(["--data-binary", #"{"text": "x"}"#, server.url + "api/fix"])
        #expect(notDeclared.status == 415 && notDeclared.body.contains("application/json"))
        #expect(!FileManager.default.fileExists(atPath: server.kb.path + "/beads/hits.jsonl"))
        // Still serving.
        #expect(try server.curl([server.url]).status == 200)
    }
}
