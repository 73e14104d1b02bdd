import Testing

@testable import BeadsCommands

@Suite struct HelpTextTests {
    @Test func paragraphsBecomeOneLineAndTheRestKeepTheirs() {
        let text = """
            Recognise a pasted error
            by its message.

            Examples:
              beads fix --file build.log
              beads fix < log
            - a bullet stays
            * so does this
            and this joins the bullet
            """
        #expect(
            HelpText.prose(text) == """
                Recognise a pasted error by its message.

                Examples:
                  beads fix --file build.log
                  beads fix < log
                - a bullet stays
                * so does this and this joins the bullet
                """)
    }

    /// The rule as first written, line by line on Strings: the byte-level pass must agree.
    static func reference(_ text: String) -> String {
        var lines: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if let previous = lines.last, let first = line.first, let start = previous.first, first != " ", start != " ",
                !previous.hasSuffix(":"), !(line.hasPrefix("- ") || line.hasPrefix("* "))
            {
                lines[lines.count - 1] = previous + " " + line
            } else {
                lines.append(line)
            }
        }
        return lines.joined(separator: "\n")
    }

    @Test func agreesWithTheLineByLineRuleOnGeneratedTexts() {
        let pieces = ["word", "two words", "  indented", "- bullet", "* star", "ends:", "", " ", "é ünïcode", "a:b", "-dash", "*", "x"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let count = Int.random(in: 0...8, using: &generator)
            let text = (0..<count).map { _ in pieces.randomElement(using: &generator)! }.joined(separator: "\n")
            #expect(HelpText.prose(text) == Self.reference(text), "\(text.debugDescription)")
        }
    }
}
