import Testing

@testable import BeadsKnowledge

/// What a team's incident paste gives: its error lines, not its commands and wrappers.
@Suite struct ErrorBlockReaderTests {
    static let incident = """
        Running with gitlab-runner 16.9.1 (782c6ecb) on gl-runner-07 x8PqzK2s
        $ docker build --pull -t registry.acme.internal/payments/api:$CI_COMMIT_SHORT_SHA .
        #9 [builder 4/7] RUN npm ci --no-audit
        #9 41.22 npm ERR! code ENOSPC
        #9 41.22 npm ERR! syscall write
        #9 41.22 npm ERR! nospc ENOSPC: no space left on device, write
        #9 ERROR: process "/bin/sh -c npm ci --no-audit" did not complete successfully: exit code: 228
        ERROR: Job failed: exit code 1
        """

    @Test func commandsStepsAndWrappersAreContext() {
        let messages = ErrorBlockReader.messages(in: Self.incident).map(\.text)
        #expect(
            messages == [
                "#9 41.22 npm ERR! code ENOSPC",
                "#9 41.22 npm ERR! nospc ENOSPC: no space left on device, write",
            ])
    }

    @Test func aMessageLeftOpenContinuesAcrossABlankLine() {
        let block = """
            failed to convert whiteout file "etc/.wh.pager.1.gz":

            operation not permitted
            then something else entirely
            """
        let messages = ErrorBlockReader.messages(in: block)
        #expect(messages.map(\.text) == ["failed to convert whiteout file \"etc/.wh.pager.1.gz\":\noperation not permitted"])
        #expect(messages.first?.line == 0)
    }

    @Test func anExitCodeThatSaysWhichIsNotGeneric() {
        let messages = ErrorBlockReader.messages(
            in: #"#14 ERROR: process "/bin/sh -c yarn build" did not complete successfully: exit code: 137"#)
        #expect(messages.count == 1)
    }

    @Test func theLastClauseOfAChain() {
        #expect(
            ErrorBlockReader.tailClauses(of: "ERROR: failed to solve: copy file range failed: no space left on device")
                == ["no space left on device"])
        #expect(ErrorBlockReader.tailClauses(of: "no chain here").isEmpty)
    }

    @Test func anErrorSetApartByBlankLinesStandsAlone() {
        let block = """
            go: example.io/x@v1.2.3: reading corp.example/x: 410 Gone

            undefined: pkg.Thing in package a/b

            error: failed to select a version for the requirement `pupa = "^8.1.80"` in crate fozo
            """
        let messages = ErrorBlockReader.messages(in: block)
        #expect(messages.count == 2)
        #expect(messages.allSatisfy { $0.standsAlone })
        #expect(ErrorBlockReader.messages(in: Self.incident).allSatisfy { !$0.standsAlone })
    }

    @Test func aListOfWordingsIsNotAnIncident() {
        #expect(ErrorBlockReader.read("npm ERR! code ENOTEMPTY\n\nENOTEMPTY: directory not empty, rmdir '/x'").isListOfWordings)
        #expect(!ErrorBlockReader.read(Self.incident).isListOfWordings)
    }

    @Test(arguments: [
        ("$ make build", true), ("user@box:~/src$ kubectl get pods", true), ("[me@host dir]$ sudo ./example", true),
        ("docker pull registry.corp.example/api:latest", true), ("ssh: connect to host x port 22: Connection refused", false),
        ("docker: Error response from daemon: toomanyrequests", false), ("npm ERR! code ENOTEMPTY", false),
        ("#12 0.532 npm ci", false),
    ])
    func commands(line: String, isCommand: Bool) {
        #expect(ErrorVocabulary.readsLikeCommand(line) == isCommand)
    }
}
