import Testing

@testable import BeadsKnowledge

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
        #expect(
            calls.map(\.command) == [
                "kubectl", "printf", "docker", "docker", "echo", "make", "[", "./scripts/run.sh", "echo", "make", "tee",
            ])
        #expect(calls.map(\.line) == [2, 5, 5, 5, 5, 6, 8, 8, 9, 9, 9])
    }
}
