import CoopQLBase

/// The candidate that `name` was most likely meant to be, for "did you mean …?" diagnostics.
///
/// Names are compared after `foldForSearch`, so case and accents never count: "Bac Ninh" finds
/// "Bắc Ninh". A candidate is acceptable when its folded form equals the folded name, when one
/// folded form is a prefix of the other and the shorter has at least 3 characters, or when the
/// Damerau–Levenshtein (optimal string alignment) distance is at most
/// `max(1, min(3, name.count / 3))`, so that short names only forgive one typo. Among acceptable
/// candidates the one at the smallest distance wins, and the earlier one on a tie. Returns nil
/// for an empty name and when nothing is acceptable; empty candidates are never suggested.
public func suggestion(for name: String, among candidates: [String]) -> String? {
    let target = Array(foldForSearch(name).unicodeScalars)
    guard !target.isEmpty else { return nil }
    let limit = max(1, min(3, name.count / 3))
    var best: (candidate: String, distance: Int)?
    for candidate in candidates {
        let folded = Array(foldForSearch(candidate).unicodeScalars)
        guard !folded.isEmpty else { continue }
        let distance = optimalStringAlignmentDistance(target, folded)
        let shorter = min(target.count, folded.count)
        let isPrefix = shorter >= 3
            && (target.starts(with: folded) || folded.starts(with: target))
        guard distance <= limit || isPrefix else { continue }
        if best == nil || distance < best!.distance {
            best = (candidate, distance)
        }
    }
    return best?.candidate
}

/// The optimal string alignment distance: edits are insertions, deletions, substitutions and
/// transpositions of two adjacent elements, and no substring is edited twice.
///
/// Keeps three rows rather than the full matrix, since a transposition only looks two rows back.
func optimalStringAlignmentDistance<Element: Equatable>(_ a: [Element], _ b: [Element]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var beforePrevious = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            var distance = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                distance = min(distance, beforePrevious[j - 2] + 1)
            }
            current[j] = distance
        }
        swap(&beforePrevious, &previous)
        swap(&previous, &current)
    }
    return previous[b.count]
}
