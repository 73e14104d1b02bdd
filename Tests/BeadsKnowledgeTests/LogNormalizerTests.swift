import Testing

@testable import BeadsKnowledge

@Suite struct LogNormalizerTests {
    func tokens(_ line: String) -> String {
        LogNormalizer.lines(of: line).first!.tokens.map(\.description).joined(separator: " ")
    }

    @Test(arguments: [
        ("2024-03-27T12:58:52.1234567Z ##[error]Server Error", "server error"),
        ("[Container] 2024/03/27 12:58:52 #3 ERROR: failed to copy", "error failed to copy"),
        ("#26 5.459 npm ERR! code ENOTEMPTY", "code enotempty"),
        ("npm error code ENOTEMPTY", "code enotempty"),
        ("  #12 0.532 done", "done"),
        ("::error file=a.yml,line=3::Bad thing", "bad thing"),
        ("[12:58:52.123] boom now", "boom now"),
        ("2026-02-04T10:15:02.000000Z 01E hello there", "hello there"),
        ("section_start:1707041702:step_script $ make", "make"),
    ])
    func wrappingIsStripped(line: String, expected: String) {
        #expect(tokens(line) == expected)
    }

    @Test(arguments: [
        ("failed to mount /tmp/containerd-mount550114294: invalid argument", "failed to mount <path> invalid argument"),
        // Quotes are read, not masked: the value is often the message itself.
        (#"mount source: "overlay", target: "/x", err: invalid argument"#, "mount source overlay target <path> err invalid argument"),
        ("GET https://registry-1.docker.io/v2/x: 429", "get <url> <num>"),
        ("sha256:21a3deaa0d32a8057914f36584b5288d2e5ecc984380bc0118285c70fa8c9300 at 10.0.0.12:5000", "sha256 <hash> at <ip>"),
        ("run 3f2a1b9 id 123e4567-e89b-12d3-a456-426614174000", "run <hash> id <id>"),
        ("rmdir '/app/node_modules/x' isn't empty", "rmdir <path> isn empty"),
        (
            #"level=error msg="'overlay2' is not supported over overlayfs" stage="y z""#,
            "level error msg overlay2 is not supported over overlayfs stage"
        ),
        (
            #"{"message":"Get "https://r.example/v2/": dial tcp: lookup registry.example: connection refused"}"#,
            "message get <url> dial tcp lookup <name> connection refused"
        ),
        // A build step's command is the team's own, not part of the error.
        (
            #"ERROR: process "/bin/sh -c yarn build" did not complete successfully: exit code: 137"#,
            "error process <str> did not complete successfully exit code 137"
        ),
        // Names a team gives: hosts, dashed services, pinned packages, coordinates.
        ("push registry.corp.example/web/ui:8f3c2a1 from gl-runner-07 as deploy@app-03", "push <path> from <name> as <name>"),
        ("no distribution for torch==1.13.1 in org.acme:api:jar:1.2", "no distribution for <name> in <name>"),
        ("uses docker/metadata-action@v5 then java.io.IOException", "uses docker metadata action <num> then java io ioexception"),
        ("overlay2 v5 x86_64", "overlay2 v5 <num>"),
        ("C:\\Users\\me\\x.log missing", "<path> missing"),
    ])
    func variablePartsAreMasked(line: String, expected: String) {
        #expect(tokens(line) == expected)
    }

    @Test func coloursCarriageReturnsAndNULsGo() {
        let line = "\u{1B}[31mERROR\u{1B}[0m:\u{0} boom\r"
        #expect(tokens(line) == "error boom")
        #expect(LogNormalizer.lines(of: line).first!.text == "ERROR: boom ")
    }

    @Test func signaturesTurnEllipsesIntoWildcards() {
        let pattern = LogNormalizer.signatureTokens("failed to mount ...: invalid argument").map(\.description)
        #expect(pattern == ["failed", "to", "mount", "<*>", "invalid", "argument"])
        let unicode = LogNormalizer.signatureTokens("… rmdir node_modules/… done …").map(\.description)
        #expect(unicode == ["rmdir", "node_modules", "<*>", "done"])
    }

    @Test func linesAreNumberedFromOne() {
        let lines = LogNormalizer.lines(of: "a b\n\nc d\n")
        #expect(lines.map(\.number) == [1, 2, 3])
    }
}
