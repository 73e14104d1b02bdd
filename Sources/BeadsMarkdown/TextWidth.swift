/// How many terminal columns text takes: wide East Asian characters and emoji take
/// two, combining marks, variation selectors and joiners none, ANSI escapes none.
public enum TextWidth {
    public static func of(_ text: String) -> Int {
        var width = 0
        var scalars = text.unicodeScalars.makeIterator()
        var previousWasNarrowEmoji = false
        while let s = scalars.next() {
            if s == "\u{1B}" {
                // CSI sequence: ESC [ … final byte in @…~
                while let c = scalars.next(), !(c.value >= 0x40 && c.value <= 0x7E && c != "[") {}
                continue
            }
            if s == "\u{FE0F}" {
                // An emoji presentation selector widens the symbol before it (⚠️).
                if previousWasNarrowEmoji { width += 1 }
                previousWasNarrowEmoji = false
                continue
            }
            previousWasNarrowEmoji = false
            width += of(s)
            if of(s) == 1, s.properties.isEmoji, s.value > 0x7F { previousWasNarrowEmoji = true }
        }
        return width
    }

    static func of(_ s: Unicode.Scalar) -> Int {
        switch s.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control: return 0
        default: break
        }
        if s.properties.isEmojiPresentation { return 2 }
        switch s.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
            0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }
}
