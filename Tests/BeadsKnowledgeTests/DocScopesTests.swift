import BeadsStore
import Foundation
import Testing

@testable import BeadsKnowledge

/// Which bead a doc's error text belongs to, in the shapes other teams' docs take: the
/// tracker decides what a bead is, the nearest scope that names one owns the text.
@Suite struct DocScopesTests {
    let analyzer = DocumentAnalyzer(prefixes: ["sf"], heldIDs: ["sf-k7", "sf-q2"])

    func byBead(_ text: String) -> [String: Set<String>] {
        let doc = analyzer.analyze(path: "docs/x.md", text: text, fingerprint: FileFingerprint(size: 0, mtimeNanoseconds: 0), hash: "h")
        return Dictionary(grouping: doc.signatures.filter { SignatureTraits(encoded: $0.traits).attribution == .nearest }, by: \.beadID)
            .mapValues { Set($0.map(\.text)) }
    }

    @Test func twoCharacterIdsCountWhenTheTrackerHoldsThem() {
        #expect(BeadID.mentions(in: "fixed in sf-k7, see sf-zz", prefixes: ["sf"], held: ["sf-k7"]) == ["sf-k7"])
        #expect(BeadID.mentions(in: "sf-k7", prefixes: ["sf"]).isEmpty)
    }

    @Test func anFAQGivesEachQuestionsErrorToTheBeadItsAnswerNames() {
        let beads = byBead(
            """
            # FAQ

            ### Why does npm ci fail?

            You get `npm ERR! ERESOLVE unable to resolve dependency tree`. Tracked as sf-k7.

            ### Why does pip refuse to install?

            It says `error: externally-managed-environment`; this is sf-q2.
            """)
        #expect(beads["sf-k7"] == ["npm ERR! ERESOLVE unable to resolve dependency tree"])
        #expect(beads["sf-q2"]?.contains("error: externally-managed-environment") == true)
        #expect(beads["sf-k7"]?.contains("error: externally-managed-environment") != true)
    }

    @Test func aTableRowBelongsToItsBeadColumn() {
        let beads = byBead(
            """
            # Troubleshooting

            | What you see | Bead | What to do |
            |---|---|---|
            | `toomanyrequests: You have reached your pull rate limit` | sf-k7 | use the mirror (sf-q2 has the details) |
            | `ERROR 1045 (28000): Access denied for user 'root'@'localhost'` | sf-q2 | reset the volume |
            """)
        #expect(beads["sf-k7"] == ["toomanyrequests: You have reached your pull rate limit"])
        #expect(beads["sf-q2"] == ["ERROR 1045 (28000): Access denied for user 'root'@'localhost'"])
    }

    @Test func frontMatterTagsAndLinksNameBeadsToo() {
        let tagged = byBead(
            """
            ---
            tags: [ci, sf-k7]
            ---
            # Heap

            ```
            FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory
            ```
            """)
        #expect(tagged["sf-k7"]?.contains("FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory") == true)
        let doc = analyzer.analyze(
            path: "docs/x.md",
            text: "# Wiki\n\nSee [the ticket](https://tracker.example/issue/sf-q2).\n\n```\nfatal: early EOF while cloning\n```\n",
            fingerprint: FileFingerprint(size: 0, mtimeNanoseconds: 0), hash: "h")
        #expect(Set(doc.signatures.map(\.beadID)) == ["sf-q2"])
    }

    @Test func admonitionsAreReadAsBlocks() {
        let beads = byBead(
            """
            # Runner

            !!! failure "Docker not running (sf-k7)"
                The job dies with:

                ```
                Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?
                ```

            :::danger Permission (sf-q2)
            ```
            permission denied while trying to connect to the Docker daemon socket at unix:///var/run/docker.sock
            ```
            :::
            """)
        #expect(beads["sf-k7"] == ["Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?"])
        #expect(
            beads["sf-q2"]?.contains("permission denied while trying to connect to the Docker daemon socket at unix:///var/run/docker.sock")
                == true)
    }

    @Test func aHeadingNamingABeadSettlesItAgainstTheDocsOwn() {
        let doc = analyzer.analyze(
            path: "docs/x.md",
            text: """
                # Builds

                **Bead**: sf-k7

                ## ENOTEMPTY (sf-q2)

                ```
                npm ERR! code ENOTEMPTY
                ```
                """, fingerprint: FileFingerprint(size: 0, mtimeNanoseconds: 0), hash: "h")
        #expect(Set(doc.signatures.map(\.beadID)) == ["sf-q2"])
        #expect(doc.primaryBeads == ["sf-k7"])
    }

    @Test func aDocThatAlreadyNamesItsBeadIsNotToldToNameIt() {
        let doc = analyzer.analyze(
            path: "docs/x.md", text: "# Note\n\n**Bead**: sf-k7\n\n```\nnpm ERR! code ENOTEMPTY\n```\n",
            fingerprint: FileFingerprint(size: 0, mtimeNanoseconds: 0), hash: "h")
        #expect(!doc.warnings.contains { $0.contains("names no bead") })
        #expect(doc.signatures.map(\.beadID) == ["sf-k7"])
    }
}
