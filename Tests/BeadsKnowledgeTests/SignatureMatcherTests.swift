import Testing

@testable import BeadsKnowledge

@Suite struct SignatureMatcherTests {
    func score(_ signature: String, _ paste: String) -> Double {
        SignatureMatcher.align(LogNormalizer.signatureTokens(signature), in: PasteIndex(text: paste))?.score ?? 0
    }

    @Test func anExactMatchScoresOne() {
        #expect(
            score(
                "failed to convert whiteout file \"...\": operation not permitted",
                "failed to convert whiteout file \"etc/x/.wh.pager.1.gz\": operation not permitted") == 1)
    }

    @Test func aMatchMaySpanWrappedLines() {
        let paste =
            "failed to extract layer\nto overlayfs as \"extract-1\":\nfailed to convert whiteout file \"a/b/c\":\noperation not permitted"
        #expect(score("failed to convert whiteout file \"...\": operation not permitted", paste) == 1)
    }

    @Test func wildcardsAbsorbAnythingAndStraysCost() {
        #expect(score("failed to mount ...: invalid argument", "failed to mount /tmp/x and more words here: invalid argument") == 1)
        let stray = score("failed to mount /tmp/y: invalid argument", "failed to mount /tmp/x extra: invalid argument")
        #expect(stray < 1 && stray > 0.9)
    }

    @Test func aDifferentCodeDoesNotMatch() {
        #expect(score("npm ERR! code ENOTEMPTY", "npm ERR! code EXDEV") < SignatureMatcher.sameText)
    }

    func substituted(_ signature: String, _ paste: String) -> Double {
        SignatureMatcher.align(LogNormalizer.signatureTokens(signature), in: PasteIndex(text: paste))?.substitutedWeight ?? -1
    }

    /// One word that names another tool where the signature names its own counts against
    /// the match; a word that is only missing does not.
    @Test func aWordReplacedIsTellingAndAWordMissingIsNot() {
        #expect(substituted("error: linker `cc` not found", "error: linker `link.exe` not found") > 0)
        #expect(substituted("rename failed: directory not empty", "rename failed: device busy") > 0)
        #expect(substituted("error: linker `cc` not found", "error: linker `cc` not found") == 0)
        #expect(substituted("failed to mount ...: invalid argument", "failed to mount /x /y: invalid argument") == 0)
        #expect(substituted("alpha bravo charlie", "alpha charlie") == 0)
    }

    /// Which tokens were replaced is kept, so that the scorer can tell a replaced name
    /// (`'app'` where the paste says `'pipa'`) from a replaced verdict (`refused` where it
    /// says `timed out`).
    @Test func theReplacedTokensAreNamed() throws {
        let signature = LogNormalizer.signatureTokens("could not connect to server: Connection refused")
        let alignment = try #require(
            SignatureMatcher.align(signature, in: PasteIndex(text: "could not connect to server: Operation timed out")))
        let literal = signature.filter { $0 != .wildcard }
        #expect(Set(alignment.substitutedTokens.map { literal[$0].description }) == ["connection", "refused"])
        #expect(FeatureContext.quotedWords("E   ModuleNotFoundError: No module named 'app'") == ["app"])
        #expect(FeatureContext.quotedWords("it doesn't match the records, got `sha512-abc` and \"lodash\"") == ["sha512", "abc", "lodash"])
    }

    @Test func tokensOutOfOrderCountLess() {
        let inOrder = score("alpha bravo charlie delta", "alpha bravo charlie delta")
        let shuffled = score("alpha bravo charlie delta", "delta charlie bravo alpha")
        #expect(inOrder == 1)
        #expect(shuffled < 0.5)
    }

    @Test func noSharedWordMeansNoAlignment() {
        #expect(SignatureMatcher.align(LogNormalizer.signatureTokens("alpha bravo"), in: PasteIndex(text: "nothing here")) == nil)
    }
}
