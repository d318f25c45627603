import CoopQL

/// Points common errors at the tutorial lesson that explains what went wrong. Used by the REPL
/// (where people learn) and not by scripts, whose error output other programs may read.
enum TutorialHints {
    /// The lesson for a diagnostic, from words its message (and suggestion) contains.
    static func lesson(for d: Diagnostic) -> Int? {
        let text = d.message + " " + (d.suggestion ?? "")
        let rules: [(words: [String], lesson: Int)] = [
            (["join"], 6),
            (["is not a code of"], 2),
            (["unknown column", "has no column", "unknown name", "no table"], 1),
            (["unknown stage", "where"], 2),
            (["count", "summarize", "aggregate", "after `by`"], 3),
            (["sort", "take", "top"], 4),
            (["unknown function", "select", "extend"], 5),
            (["label", "pivot"], 7),
        ]
        return rules.first { rule in rule.words.contains { text.contains($0) } }?.lesson
    }

    /// The diagnostic with a note naming its lesson added, when one fits.
    static func annotate(_ d: Diagnostic) -> Diagnostic {
        guard d.kind != .runtime || d.message != "the query was cancelled", let lesson = lesson(for: d) else { return d }
        var annotated = d
        let pointer = "tutorial lesson \(lesson) explains this (.help tutorial)"
        annotated.hint = d.hint.map { $0 + "\n  = note: " + pointer } ?? pointer
        return annotated
    }
}
