import BeadsStore
import Foundation
import Testing

@testable import BeadsKnowledge

@Suite struct DocumentAnalyzerTests {
    let analyzer = DocumentAnalyzer(prefixes: ["mo"])

    func analyze(_ text: String) -> IndexedDoc {
        analyzer.analyze(path: "docs/x.md", text: text, fingerprint: FileFingerprint(size: 0, mtimeNanoseconds: 0), hash: "h")
    }

    static let doc = """
        # Builds fail in the devpod

        **Bead**: mo-jgo (see also `mo-1na`)

        ## Error

        ```
        ERROR: mount source: "overlay", target: "...", err: invalid argument

        failed to convert whiteout file "...":
        operation not permitted
        ```

        Also seen as `unable to connect to Podman socket`, while `npm run build` works.

        ## Root cause

        Overlay on overlay is refused by the kernel. More detail follows.

        ## Kaniko (mo-3t8p)

        ```bash {recipe=kaniko-build when=devpod requires=kubectl,git title="Kaniko in cluster"}
        # Build in the cluster
        beads kaniko build --all
        ```

        ## ENOTEMPTY (**mo-3bol**)

        ### Symptom

        ```text
        npm ERR! code ENOTEMPTY
        ```

        | Bead | Status |
        |------|--------|
        | mo-1nh | closed |
        """

    @Test func sectionsHaveGitHubAnchorsLinesAndParents() {
        let doc = analyze(Self.doc)
        #expect(doc.title == "Builds fail in the devpod")
        #expect(
            doc.sections.map(\.anchor) == [
                "", "builds-fail-in-the-devpod", "error", "root-cause", "kaniko-mo-3t8p", "enotempty-mo-3bol", "symptom",
            ])
        let symptom = doc.sections.last!
        #expect(doc.sections[symptom.parentOrdinal!].anchor == "enotempty-mo-3bol")
        #expect(
            doc.sections.first { $0.anchor == "root-cause" }?.summary == "Overlay on overlay is refused by the kernel. More detail follows."
        )
    }

    @Test func beadIDsAreFoundWhereverTheyAre() {
        let doc = analyze(Self.doc)
        let found = Set(doc.mentions.map(\.beadID))
        #expect(found == ["mo-jgo", "mo-1na", "mo-3t8p", "mo-3bol", "mo-1nh"])
        #expect(doc.mentions.first { $0.beadID == "mo-1nh" }?.line == 37)
        #expect(doc.mentions.first { $0.beadID == "mo-1nh" }?.sectionAnchor == "symptom")
        #expect(doc.primaryBeads == ["mo-jgo"])
    }

    @Test func signaturesComeFromErrorSectionsAndBelongToTheirBeads() {
        let doc = analyze(Self.doc)
        let byBead = Dictionary(grouping: doc.signatures, by: \.beadID).mapValues { $0.map(\.text) }
        #expect(
            byBead["mo-jgo"] == [
                #"ERROR: mount source: "overlay", target: "...", err: invalid argument"#,
                "failed to convert whiteout file \"...\":\noperation not permitted",
                "unable to connect to Podman socket",
            ])
        #expect(byBead["mo-3bol"] == ["npm ERR! code ENOTEMPTY"])
        #expect(doc.signatures.first { $0.beadID == "mo-3bol" }?.line == 32)
        // `npm run build` is inline code in an error section but not an error message.
        #expect(!doc.signatures.contains { $0.text.contains("npm run build") })
    }

    @Test func recipesKeepTheirAttributesAndBeads() {
        let doc = analyze(Self.doc)
        #expect(doc.recipes.count == 1)
        let recipe = doc.recipes[0]
        #expect(recipe.name == "kaniko-build")
        #expect(recipe.language == "bash")
        #expect(recipe.when == "devpod")
        #expect(recipe.requires == ["kubectl", "git"])
        #expect(recipe.summary == "Kaniko in cluster")
        #expect(Set(recipe.beadIDs) == ["mo-3t8p", "mo-jgo"])
        #expect(recipe.body == "# Build in the cluster\nbeads kaniko build --all\n")
    }

    @Test func frontMatterNamesBeadsAndSignatures() {
        let doc = analyze(
            """
            ---
            title: From front matter
            beads: [mo-abc]
            signatures:
              - "kaboom while frobnicating the widget"
              - text: "another distinct failure message"
                bead: mo-xyz
            ---
            # Heading title
            """)
        #expect(doc.title == "From front matter")
        #expect(doc.primaryBeads == ["mo-abc"])
        #expect(doc.signatures.map(\.beadID) == ["mo-abc", "mo-xyz"])
        #expect(doc.signatures.allSatisfy { $0.origin == "front-matter" })
    }

    @Test func brokenFrontMatterWarnsWithFileAndLineAndTheRestIsIndexed() {
        let doc = analyze(
            """
            ---
            beads: [mo-abc
            title: x
            ---
            # Still indexed

            **Bead**: mo-abc

            ## Error

            ```
            a perfectly distinctive failure message
            ```
            """)
        #expect(doc.warnings.count == 1)
        #expect(doc.warnings[0].hasPrefix("docs/x.md:"))
        #expect(doc.warnings[0].contains("front matter is not valid YAML"))
        #expect(doc.title == "Still indexed")
        #expect(doc.signatures.count == 1)
    }

    @Test func wordsThatOnlyLookLikeIDsAreNotBeads() {
        #expect(
            analyzer.beadIDs(in: "demo-app mo-ab mo-abcdefghijklm xmo-abc mo-abc.1 (mo-3t8p) mo-jgo-style MO-JGO") == [
                "mo-abc.1", "mo-3t8p",
            ])
        // Sequential ids, as older bd exports carry them.
        #expect(analyzer.beadIDs(in: "see mo-12, mo-7. and (mo-1)") == ["mo-12", "mo-7", "mo-1"])
    }

    @Test func recipeInfoStrings() {
        let info = RecipeInfo(#"bash {recipe=x when=devpod title="two words" flag}"#)
        #expect(info.language == "bash")
        #expect(info.attributes == ["recipe": "x", "when": "devpod", "title": "two words", "flag": "true"])
        #expect(RecipeInfo("").language == "")
    }
}
