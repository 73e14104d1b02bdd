/// Quoting for commands beads prints for a person to copy: printed, never run.
enum ShellWords {
    /// The word as a POSIX shell reads it back: bare when it is plain, else in single
    /// quotes (a quote inside written '\'' ).
    static func quote(_ word: String) -> String {
        let plain =
            !word.isEmpty
            && word.unicodeScalars.allSatisfy { scalar in
                (scalar.properties.isAlphabetic && scalar.isASCII) || ("0"..."9").contains(Character(scalar))
                    || "-_./=:@,+%".unicodeScalars.contains(scalar)
            }
        return plain ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
