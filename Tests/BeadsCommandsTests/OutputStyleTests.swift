import BeadsStore
import BeadsTestSupport
import Foundation
import Testing

@testable import BeadsCommands

/// Colour where it helps, only for a terminal, never with NO_COLOR or in a pipe.
@Suite struct OutputStyleTests {
    func list(terminal: Bool, environment: [String: String]) async throws -> String {
        let kb = try shippedKnowledgeBase()
        let out = Locked(Data())
        let context = CommandContext(
            environment: ["USER": "t", "HOME": kb.path, "COLUMNS": "60"].merging(environment) { $1 },
            currentDirectory: kb.path,
            standardOutput: OutputSink(isTerminal: terminal) { data in out.withLock { $0.append(data) } },
            standardError: OutputSink { _ in })
        #expect(await BeadsCommand.runMain(["list", "--all"], context: context) == 0)
        return String(decoding: out.current, as: UTF8.self)
    }

    @Test func aTerminalGetsColourAndLinesThatFitIt() async throws {
        let text = try await list(terminal: true, environment: [:])
        #expect(text.contains("\u{1B}[36mmo-3t8p\u{1B}[0m"))
        #expect(text.contains("\u{1B}[33mP1\u{1B}[0m"))
        let visible = text.replacingOccurrences(of: #"\e\[[0-9;]*m"#, with: "", options: .regularExpression)
        #expect(visible.split(separator: "\n").allSatisfy { $0.count <= 60 }, "\(visible)")
        #expect(visible.contains("…"))
    }

    @Test(arguments: [(true, ["NO_COLOR": "1"]), (true, ["TERM": "dumb"]), (false, [:])])
    func noColourWhenItIsNotWanted(terminal: Bool, environment: [String: String]) async throws {
        let text = try await list(terminal: terminal, environment: environment)
        #expect(!text.contains("\u{1B}"))
        #expect(text.contains("mo-3t8p  P1  feature  closed"))
        // No private-use marker leaks either.
        #expect(!text.unicodeScalars.contains { (0xE000...0xF8FF).contains($0.value) })
    }

    @Test func aMarkerInATitleCanChangeAColourAtMost() {
        let hostile = "title \u{E016}\u{1B}[2J\u{E01F}"
        let rendered = Style.render(Terminal.printable(hostile), enabled: true)
        #expect(!rendered.contains("\u{1B}[2J"))
        #expect(rendered == "title \u{1B}[36m^[[2J\u{1B}[0m")
    }

    /// The byte-level renderer against the rule as first written, Character by Character,
    /// on texts of markers, their neighbours in the private-use area, and other text.
    @Test func renderingAgreesWithTheCharacterByCharacterRule() {
        func reference(_ text: String, _ enabled: Bool) -> String {
            var out = ""
            for character in text {
                if let style = Style(rawValue: character) {
                    if enabled { out += "\u{1B}[\(style.code)m" }
                } else {
                    out.append(character)
                }
            }
            return out
        }
        let pieces =
            Style.allCases.map { String($0.rawValue) } + ["\u{E000}", "\u{E010}", "\u{E020}", "\u{E0FF}", "a", "é", "✅", " ", "\u{1B}"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let text = (0..<Int.random(in: 0...10, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            for enabled in [true, false] {
                #expect(Style.render(text, enabled: enabled) == reference(text, enabled), "\(Array(text.unicodeScalars))")
            }
        }
    }
}
