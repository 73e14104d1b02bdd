import BeadsStore
import Foundation
import Testing

@Suite struct StringBytesTests {
    static let pieces = [" ", "\t", "\n", "\u{A0}", "\u{3000}", "\u{2003}", "a", "é", "✅", "x y", ":", " : "]

    @Test func trimmingBlanksIsFoundationsWhitespaceTrim() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            let text = (0..<Int.random(in: 0...8, using: &generator)).map { _ in Self.pieces.randomElement(using: &generator)! }.joined()
            #expect(text.trimmingBlanks() == text.trimmingCharacters(in: .whitespaces), "\(text.debugDescription)")
            let sub = text.dropFirst(text.isEmpty ? 0 : 1)
            #expect(sub.trimmingBlanks() == sub.trimmingCharacters(in: .whitespaces), "\(sub.debugDescription)")
        }
    }

    @Test func containsBytesFindsWhatALiteralSearchFinds() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            let hay = (0..<Int.random(in: 0...10, using: &generator)).map { _ in Self.pieces.randomElement(using: &generator)! }.joined()
            let needle = (0..<Int.random(in: 0...2, using: &generator)).map { _ in Self.pieces.randomElement(using: &generator)! }.joined()
            let bytes = Array(hay.utf8), pin = Array(needle.utf8)
            let expected = pin.isEmpty || bytes.indices.contains { bytes[$0...].starts(with: pin) }
            #expect(hay.containsBytes(needle) == expected, "\(needle.debugDescription) in \(hay.debugDescription)")
            #expect(hay.dropFirst(0).containsBytes(needle) == expected)
        }
    }
}

@Suite struct CountBytesTests {
    @Test func countsWithoutOverlapLikeASplitWould() {
        for (text, needle) in [("a\nb\n\nc", "\n"), ("tokentoken token", "token"), ("aaaa", "aa"), ("", "x"), ("xyz", "")] {
            let expected = needle.isEmpty ? 0 : text.components(separatedBy: needle).count - 1
            #expect(text.countBytes(needle) == expected, "\(text.debugDescription) / \(needle.debugDescription)")
        }
    }
}
