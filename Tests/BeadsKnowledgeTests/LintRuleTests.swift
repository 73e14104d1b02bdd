import Testing
@testable import BeadsKnowledge

@Suite struct MojibakeDetectorTests {
    @Test(arguments: [
        ("‚úÖ Documented", "✅", "Mac Roman"),
        ("\u{F8FF}üîÑ In progress", "🔄", "Mac Roman"),
        ("‚ö†Ô∏è failing", "⚠️", "Mac Roman"),
        ("âœ… done", "✅", "Windows-1252"),
        ("donâ€™t", "’", "Windows-1252"),
        ("cafÃ©", "é", "Windows-1252"),
        ("â\u{9C}\u{85} done", "✅", "Latin-1"),
    ])
    func garbledTextIsFoundWithWhatWasMeant(line: String, intended: String, encoding: String) {
        let found = MojibakeDetector.find(in: line)
        #expect(found.count == 1)
        #expect(found.first?.intended == intended)
        #expect(found.first?.encoding == encoding)
    }

    @Test(arguments: ["café crème", "Größe über Maß", "naïve — “quoted” – ‘single’", "✅ 🔄 ⚠️ ❌", "東京 ß ÿ", "£5 ± 2°"])
    func realTextIsLeftAlone(line: String) {
        #expect(MojibakeDetector.find(in: line).isEmpty)
    }

    @Test func repairReplacesEveryStretch() {
        #expect(MojibakeDetector.repair("‚úÖ ok, donâ€™t ‚ùå") == "✅ ok, don’t ❌")
    }
}

@Suite struct ClaimedStateTests {
    @Test(arguments: [
        ("✅ Documented", ClaimedState.done), ("✅ **COMPLETED**", .done), ("RESOLVED - builds successfully", .done),
        ("⚠️ configured but failing", .open), ("❌", .open), ("not working yet ✅", .open),
        ("🔄 In Progress", .inProgress), ("in_progress", .inProgress), ("Closed", .done),
    ])
    func wordsOutrankEmoji(text: String, state: ClaimedState) {
        #expect(ClaimedState.classify(text) == state)
    }

    @Test func plainProseClaimsNothing() {
        #expect(ClaimedState.classify("Image builds run in the cluster") == nil)
    }
}

@Suite struct RecipeCommandScannerTests {
    @Test func firstWordsOfEachSimpleCommand() {
        let script = """
            # comment only
            FOO=1 kubectl apply -f - <<EOF
            notacommand here
            EOF
            printf '%s' "$T" | docker login ghcr.io --password-stdin && docker push x || echo "a | b; c"
            sudo -E make \\
              release
            if [ -f x ]; then ./scripts/run.sh; fi
            echo "not yet" >&2; make all 2>&1 | tee log &>/dev/null
            """
        let calls = RecipeCommandScanner.calls(in: script)
        #expect(calls.map(\.command) == ["kubectl", "printf", "docker", "docker", "echo", "make", "[", "./scripts/run.sh", "echo", "make", "tee"])
        #expect(calls.map(\.line) == [2, 5, 5, 5, 5, 6, 8, 8, 9, 9, 9])
    }
}

@Suite struct ChangelogOrderTests {
    @Test func theEntriesOffTheLongestRunAreOutOfPlace() {
        // A newer line left at the top of an oldest-first log (the seed's shape).
        #expect(DocLinter.outOfOrder(["2026-02-05", "2026-02-04", "2026-02-05", "2026-02-05"], ascending: true) == [0])
        #expect(DocLinter.outOfOrder(["2026-02-06", "2026-02-05", "2026-02-01", "2026-02-04"], ascending: false) == [3])
        #expect(DocLinter.outOfOrder(["2026-01-01", "2026-01-02"], ascending: true).isEmpty)
    }
}
