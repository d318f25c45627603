/// Many strings folded for search (`foldForSearch`), end to end in one UTF-8 buffer, each followed
/// by a 0 byte: a pattern is then looked for across all of them in one pass over contiguous bytes,
/// instead of string by string.
package struct FoldedStrings: Sendable {
    /// The folded strings, each followed by a 0 byte.
    package let bytes: [UInt8]
    /// Where each folded string starts in `bytes`, and one more entry: the end of the buffer.
    package let starts: [Int]

    /// The number of strings.
    package var count: Int { starts.count - 1 }

    init(_ strings: [String]) {
        var bytes: [UInt8] = []
        var starts: [Int] = []
        starts.reserveCapacity(strings.count + 1)
        for s in strings {
            starts.append(bytes.count)
            bytes.append(contentsOf: foldForSearch(s).utf8)
            bytes.append(0)
        }
        starts.append(bytes.count)
        self.bytes = bytes
        self.starts = starts
    }

    /// The folded string `i`, without its 0 byte.
    package func bytes(of i: Int) -> ArraySlice<UInt8> { bytes[starts[i]..<(starts[i + 1] - 1)] }

    /// Which strings contain `pattern` once both are folded (`foldedContains` for each string).
    package func containing(_ pattern: String) -> [Bool] {
        let needle = Array(foldForSearch(pattern).utf8)
        if needle.isEmpty { return [Bool](repeating: true, count: count) }
        var found = [Bool](repeating: false, count: count)
        // A match cannot run from one string into the next as long as the pattern has no 0 byte,
        // which is how text is written; a pattern with one is looked for string by string.
        guard !needle.contains(0) else {
            for i in 0..<count {
                found[i] = bytes(of: i).withUnsafeBufferPointer { hay in
                    needle.withUnsafeBufferPointer { SearchFolding.bytes(hay, contain: $0) }
                }
            }
            return found
        }
        bytes.withUnsafeBufferPointer { hay in
            needle.withUnsafeBufferPointer { needle in
                var from = 0
                while let at = SearchFolding.firstMatch(of: needle, in: hay, from: from) {
                    let i = string(containing: at)
                    found[i] = true
                    from = starts[i + 1] // One match is enough: go on with the next string.
                }
            }
        }
        return found
    }

    /// Which strings equal `pattern` once both are folded (`foldedEquals` for each string).
    package func equal(to pattern: String) -> [Bool] {
        let needle = Array(foldForSearch(pattern).utf8)
        return (0..<count).map { i in
            starts[i + 1] - 1 - starts[i] == needle.count && bytes(of: i).elementsEqual(needle)
        }
    }

    /// The string whose bytes hold offset `at`: the last one starting at or before it.
    private func string(containing at: Int) -> Int {
        var low = 0, high = count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= at { low = middle } else { high = middle - 1 }
        }
        return low
    }
}

extension SearchFolding {
    /// Where `pattern` first occurs in `text` at or after `from`, if it does.
    ///
    /// Sixteen starting places are tried at once: one vector compare of the bytes there with the
    /// pattern's first byte and one of the bytes a pattern-length further on with its last byte;
    /// only a place where both agree is compared in full. In text, few places pass both, so the
    /// search goes at the speed of reading the bytes.
    package static func firstMatch(of pattern: UnsafeBufferPointer<UInt8>, in text: UnsafeBufferPointer<UInt8>,
                           from: Int) -> Int? {
        let m = pattern.count, n = text.count
        guard m > 0 else { return from <= n ? from : nil }
        guard let base = text.baseAddress, let needle = pattern.baseAddress, m <= n else { return nil }
        let raw = UnsafeRawPointer(base)
        @inline(__always) func matches(at start: Int) -> Bool {
            var k = 0
            while k < m && base[start + k] == needle[k] { k += 1 }
            return k == m
        }
        let first = SIMD16<UInt8>(repeating: needle[0]), last = SIMD16<UInt8>(repeating: needle[m - 1])
        var start = from
        while start + 15 + m <= n {
            let heads = raw.loadUnaligned(fromByteOffset: start, as: SIMD16<UInt8>.self)
            let tails = raw.loadUnaligned(fromByteOffset: start + m - 1, as: SIMD16<UInt8>.self)
            let candidates = (heads .== first) .& (tails .== last)
            if any(candidates) {
                for lane in 0..<16 where candidates[lane] && matches(at: start + lane) { return start + lane }
            }
            start += 16
        }
        while start + m <= n {
            if matches(at: start) { return start }
            start += 1
        }
        return nil
    }
}
