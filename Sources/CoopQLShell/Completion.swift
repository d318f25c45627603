import CoopQL
import Foundation

/// What Tab offers at the cursor: the candidates, each a full replacement for the text from
/// `start` (a Character offset into the text before the cursor) to the cursor.
public struct Completion: Equatable, Sendable {
    /// Where the replaced text begins, in Characters from the start of the text before the cursor.
    public var start: Int
    /// What may replace the text from `start` to the cursor, best first.
    public var candidates: [String]

    /// Candidates replacing the text from character `start` to the cursor.
    public init(start: Int, candidates: [String]) {
        self.start = start
        self.candidates = candidates
    }

    /// The longest prefix every candidate shares, compared by Character, so a Vietnamese letter
    /// ("ạ" vs "ắ", precomposed or combining) is never cut in half as a byte-wise prefix would.
    public var commonPrefix: String {
        guard var prefix = candidates.first.map(Array.init) else { return "" }
        for candidate in candidates.dropFirst() {
            let chars = Array(candidate)
            var n = 0
            while n < prefix.count, n < chars.count, prefix[n] == chars[n] { n += 1 }
            prefix.removeSubrange(n...)
        }
        return String(prefix)
    }

    /// The same completion with a space after a lone candidate that is a whole word, so the next
    /// word can be typed at once. Nothing is added after `(` (the arguments follow), `/` (a
    /// folder goes on) or `.` (a column follows).
    public func spacedAfterWord() -> Completion {
        guard candidates.count == 1, let only = candidates.first, let last = only.last,
              !"(/. ".contains(last) else { return self }
        return Completion(start: start, candidates: [only + " "])
    }

    /// What the line editor should put in place of the text from `start`: the lone candidate, or
    /// the prefix the candidates share — unless that prefix would not keep what was typed
    /// (candidates found ignoring accents: `"Bac` offers "Bạc Liêu" and "Bắc Ninh"), in which case
    /// the typed text stays as it is and the candidates are only listed.
    public func replacement(typed: String) -> String {
        let replaced = String(Array(typed).dropFirst(start))
        let prefix = commonPrefix
        if candidates.count == 1 || prefix.hasPrefix(replaced) { return candidates.count == 1 ? candidates[0] : prefix }
        return replaced
    }

    /// The same completion for a line editor that replaces only the last `wordLength` Unicode
    /// scalars before the cursor (its own idea of a word; libedit counts in wide characters, one
    /// per scalar). The text between `start` and that word is dropped from each candidate, or added
    /// back when the editor's word reaches further. `start` of the result is in scalars too.
    public func adjusted(typed: String, wordLength: Int) -> Completion {
        let scalars = Array(typed.unicodeScalars)
        let startScalar = String(Array(typed).prefix(start)).unicodeScalars.count
        let editorStart = max(0, scalars.count - wordLength)
        if editorStart == startScalar { return Completion(start: editorStart, candidates: candidates) }
        if editorStart > startScalar {
            // The editor keeps this much of our replaced text: each candidate must begin with it.
            let kept = Array(scalars[startScalar..<editorStart])
            let cut = candidates.compactMap { candidate -> String? in
                let c = Array(candidate.unicodeScalars)
                if c.starts(with: kept) { return Self.string(c.dropFirst(kept.count)) }
                // The same text written with other code points (combining marks typed, the
                // candidate precomposed): compare as Characters instead.
                let keptText = Self.string(kept[...])
                return candidate.hasPrefix(keptText) ? String(candidate.dropFirst(keptText.count)) : nil
            }
            return Completion(start: editorStart, candidates: cut)
        }
        let added = Self.string(scalars[editorStart..<startScalar])
        return Completion(start: editorStart, candidates: candidates.map { added + $0 })
    }

    /// Text made of the given scalars.
    public static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    func shifted(by offset: Int) -> Completion { Completion(start: start + offset, candidates: candidates) }
}

/// What a line editor needs from one press of Tab: the text it should insert in place of its own
/// word, and the candidates to list when there are several.
public struct EditorCompletion: Equatable, Sendable {
    /// Replaces the editor's word (the last `wordLength` scalars before the cursor).
    public var insertion: String
    /// Listed under the line when there is more than one candidate; empty otherwise.
    public var listed: [String]

    /// Completes `typed` (the text before the cursor) for an editor whose word is its last
    /// `wordLength` Unicode scalars; nil when there is nothing to offer.
    public init?(_ completion: Completion, typed: String, wordLength: Int) {
        let spaced = completion.spacedAfterWord()
        guard !spaced.candidates.isEmpty else { return nil }
        // Work out the whole replacement first (by Character), then fit it to the editor's word.
        let whole = Completion(start: spaced.start, candidates: [spaced.replacement(typed: typed)])
        if let fitted = whole.adjusted(typed: typed, wordLength: wordLength).candidates.first {
            insertion = fitted
            listed = spaced.candidates.count > 1 ? spaced.candidates : []
        } else {
            // The editor's word cannot reach back far enough to make the change (`"Bac Ni` found
            // "Bắc Ninh" by ignoring accents): its word stays, and the candidates are listed.
            insertion = Completion.string(Array(typed.unicodeScalars.suffix(wordLength))[...])
            listed = spaced.candidates
        }
    }
}
