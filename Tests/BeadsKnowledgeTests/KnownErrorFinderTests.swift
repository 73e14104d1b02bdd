import BeadsStore
import Foundation
import Testing

@testable import BeadsKnowledge

@Suite struct KnownErrorFinderTests {
    @Test func theSeedErrorExplainsItself() throws {
        let (_, kb) = Repository.scratchKnowledgeBase()
        let paste =
            "Step 3/9\n#5 0.412 ERROR: mount source: \"overlay\", target: \"/var/lib/docker/overlay2/q/merged\", fstype: overlay, flags: 0, data: \"lowerdir=/a\", err: invalid argument\n"
        let diagnosis = try KnownErrorFinder(store: kb.store).diagnose(paste)
        let match = try #require(diagnosis.matches.first)
        #expect(match.beadID == "mo-jgo")
        #expect(match.bead?.status == .closed)
        #expect(match.lineNumber == 2)
        #expect(match.score >= MatchModel.threshold)
        #expect(match.alignment.score == 1)
        #expect(match.rootCauseRef?.display == "docs/docker-build-devpod.md#root-cause")
        #expect(match.rootCause?.contains("overlay on top of an overlay") == true)
        #expect(Set(match.recipes.map(\.name)) == ["kaniko-build", "actions-build", "host-build"])
        #expect(match.docs.first?.path == "docs/docker-build-devpod.md")
    }

    @Test func aSubProblemUsesItsOwnRootCause() throws {
        let (_, kb) = Repository.scratchKnowledgeBase()
        let match = try #require(try KnownErrorFinder(store: kb.store).diagnose("npm ERR! code ENOTEMPTY").matches.first)
        #expect(match.beadID == "mo-3bol")
        #expect(match.rootCauseRef?.section == "root-cause-the-same-nested-overlay")
    }

    @Test func nothingKnownGivesNearestCandidates() throws {
        let (_, kb) = Repository.scratchKnowledgeBase()
        let diagnosis = try KnownErrorFinder(store: kb.store).diagnose("unable to connect to the frobnicator socket")
        #expect(diagnosis.matches.isEmpty)
        #expect(diagnosis.nearest.first?.beadID == "mo-jgo")
    }

    @Test func aHugePasteIsReadWhole() throws {
        let (_, kb) = Repository.scratchKnowledgeBase()
        var paste = String(repeating: "#7 12.3 npm WARN deprecated some-package@1.0.0: use something else\n", count: 40_000)
        paste += "#7 99.1 npm ERR! code ENOTEMPTY\n"
        let diagnosis = try KnownErrorFinder(store: kb.store).diagnose(paste)
        #expect(diagnosis.matches.first?.beadID == "mo-3bol")
        #expect(diagnosis.matches.first?.lineNumber == 40_001)
    }
}
