import Synchronization

/// What queries work out from every string of a `StringDictionary`, kept with the dictionary.
///
/// Folding 100,000 names for `~` or ranking them for `sort` takes longer than the rest of such a
/// query, and the answer depends only on the strings, so it is worked out once, by the first query
/// that needs it, and every column sharing the dictionary reuses it. Queries may run on several
/// threads at once: each slot is filled under its own lock, and a thread that finds it being
/// filled waits for that instead of doing the work twice.
final class DictionaryDerivations: Sendable {
    private let foldedSlot = Mutex<FoldedStrings?>(nil)
    private let ranksSlot = Mutex<[Int32]?>(nil)

    /// The strings folded for search; `strings` must be the dictionary's own.
    func folded(_ strings: [String]) -> FoldedStrings {
        foldedSlot.withLock { slot in
            if let slot { return slot }
            let made = FoldedStrings(strings)
            slot = made
            return made
        }
    }

    /// Each string's place in Vietnamese alphabetical order; `strings` must be the dictionary's own.
    func collationRanks(_ strings: [String]) -> [Int32] {
        ranksSlot.withLock { slot in
            if let slot { return slot }
            let made = vietnameseCollationRanks(strings)
            slot = made
            return made
        }
    }
}
