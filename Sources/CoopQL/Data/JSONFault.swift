import CoopQLBase

/// A problem in the form of a JSON or JSON Lines file, placed by byte offset. In a `.json` file it
/// stops any load; in a JSON Lines file, loading leniently, it costs only its line.
enum JSONFault: Error {
    case empty
    /// A `.json` file must hold one array of objects.
    case notAnArray(at: Int)
    /// An array element, or a line of a JSON Lines file, that is not an object.
    case notAnObject(at: Int)
    case unexpected(at: Int, expected: String)
    case unterminatedString(at: Int)
    case badEscape(at: Int)
    case controlCharacter(at: Int)
    case badNumber(at: Int)
    case invalidUTF8(at: Int)
    case emptyKey(at: Int)
    /// More than whitespace after the array (or after a line's object).
    case trailing(at: Int)

    var offset: Int {
        switch self {
        case .empty: return 0
        case .notAnArray(let at), .notAnObject(let at), .unexpected(let at, _), .unterminatedString(let at),
             .badEscape(let at), .controlCharacter(let at), .badNumber(let at), .invalidUTF8(let at),
             .emptyKey(let at), .trailing(let at):
            return at
        }
    }

    /// What went wrong, in words; `lines` shows what was found instead.
    func message(_ lines: DataLines) -> String {
        switch self {
        case .empty: return "the file is empty"
        case .notAnArray(let at): return "a .json data file holds an array of objects, but it starts with \(JSONFault.found(at, lines))"
        case .notAnObject(let at): return "expected an object, found \(JSONFault.found(at, lines))"
        case .unexpected(let at, let expected): return "expected \(expected), found \(JSONFault.found(at, lines))"
        case .unterminatedString: return "the string opened here is never closed"
        case .badEscape: return "this escape is not one JSON knows"
        case .controlCharacter: return "a string holds a line break or another control character as it is"
        case .badNumber: return "this is not a JSON number"
        case .invalidUTF8: return "this byte is not UTF-8"
        case .emptyKey: return "an empty key cannot name a column"
        case .trailing(let at): return "expected nothing more, found \(JSONFault.found(at, lines))"
        }
    }

    var hint: String? {
        switch self {
        case .empty, .notAnArray: return "write `[{\"id\": 1, \"name\": \"…\"}, …]`, or one object per line in a .jsonl file"
        case .notAnObject: return "each row is an object, such as {\"id\": 1, \"name\": \"…\"}"
        case .unexpected, .trailing: return nil
        case .unterminatedString: return "a string ends with a double quote; a quote inside it is written \\\""
        case .badEscape: return "escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\u followed by four hex digits"
        case .controlCharacter: return "write a line break inside a string as \\n"
        case .badNumber: return "numbers are written like 12, -3.5 or 1e6; write other spellings (1.915, 3,5) as strings"
        case .invalidUTF8: return "CoopQL reads data files as UTF-8; save the file as UTF-8"
        case .emptyKey: return "give every key a name"
        }
    }

    func diagnostic(_ lines: DataLines) -> Diagnostic {
        if case .empty = self {
            return Diagnostic(.data, message(lines), in: SourceText(name: lines.name, text: ""), hint: hint, fallbackLocation: (1, 1))
        }
        return lines.diagnostic(message(lines), at: offset, hint: hint)
    }

    /// The byte at `offset` as a message names it.
    private static func found(_ offset: Int, _ lines: DataLines) -> String {
        guard offset < lines.bytes.count else { return "the end of the file" }
        let b = lines.bytes[offset]
        if b == 0x0A || b == 0x0D { return "the end of the line" }
        if b >= 0x21 && b < 0x7F { return "`\(Character(Unicode.Scalar(b)))`" }
        if b == 0x20 || b == 0x09 { return "a space" }
        let rest = lines.text(offset, min(lines.bytes.count, offset + 4))
        return rest.first.map { "`\($0)`" } ?? "a byte that is not UTF-8"
    }
}
