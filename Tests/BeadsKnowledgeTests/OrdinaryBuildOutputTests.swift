import Foundation
import Testing

@testable import BeadsKnowledge

@Suite struct OrdinaryBuildOutputTests {
    static let listFile = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/BeadsKnowledge/Text/OrdinaryBuildOutput+CommonWords.swift").path

    static func generated(_ words: Set<String>) -> String {
        let lines = words.sorted().map { word in
            "        \""
                + word.unicodeScalars.map { $0.isASCII && $0 != "\"" && $0 != "\\" ? String($0) : "\\u{\(String($0.value, radix: 16))}" }
                .joined() + "\","
        }
        return """
            // Generated from the corpus by `OrdinaryBuildOutput.derivedCommonWords()`; do not edit.
            // Regenerate: BEADS_WRITE_COMMON_WORDS=1 swift test --filter theCommittedCommonWordsAreTheCorpus

            extension OrdinaryBuildOutput {
                static let commonWordList: [String] = [
            \(lines.joined(separator: "\n"))
                ]
            }

            """
    }

    /// The committed list is what the corpus gives today: a corpus edit that changes
    /// the common words must regenerate the list, or matching would weigh stale words.
    @Test func theCommittedCommonWordsAreTheCorpus() throws {
        let derived = OrdinaryBuildOutput.derivedCommonWords()
        if ProcessInfo.processInfo.environment["BEADS_WRITE_COMMON_WORDS"] == "1" {
            try Self.generated(derived).write(toFile: Self.listFile, atomically: true, encoding: .utf8)
        }
        let missing = derived.subtracting(OrdinaryBuildOutput.commonWords).sorted()
        let stale = OrdinaryBuildOutput.commonWords.subtracting(derived).sorted()
        #expect(
            missing.isEmpty && stale.isEmpty,
            "the corpus changed (new: \(missing.prefix(10)), gone: \(stale.prefix(10))): BEADS_WRITE_COMMON_WORDS=1 swift test --filter theCommittedCommonWordsAreTheCorpus, then commit the list"
        )
        #expect(derived.count > 100)
    }
}
