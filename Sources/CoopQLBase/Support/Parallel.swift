import Foundation

/// Runs independent pieces of work on all cores.
package enum Parallel {
    /// `body(0) … body(count - 1)`, run concurrently, results in order.
    ///
    /// The calls must not write anything they share: the CSV reader's read the file's bytes and
    /// earlier results and write only their own slot; the engine's read columns and write only
    /// their own stretch of rows. That is a promise the compiler cannot check through unsafe pointers and non-Sendable
    /// closures, hence `Unchecked`; it holds because `concurrentPerform` returns only after
    /// every call has finished, while all that the calls reach is still alive and unchanged.
    @inlinable package static func map<T>(_ count: Int, _ body: (Int) -> T) -> [T] {
        guard count > 1 else { return count == 1 ? [body(0)] : [] }
        var results = [T?](repeating: nil, count: count)
        withoutActuallyEscaping(body) { body in
            results.withUnsafeMutableBufferPointer { slots in
                let shared = Unchecked(value: (body: body, slots: slots))
                DispatchQueue.concurrentPerform(iterations: count) { i in
                    shared.value.slots[i] = shared.value.body(i)
                }
            }
        }
        return results.map { $0! }
    }

    /// How many pieces to cut `rowCount` rows into: one per core, but none smaller than
    /// `minimumRows`, since starting a worker costs more than a small stretch of rows saves.
    @inlinable package static func pieceCount(rowCount: Int, minimumRows: Int = 1 << 18) -> Int {
        max(1, min(ProcessInfo.processInfo.activeProcessorCount, rowCount / max(1, minimumRows)))
    }

    /// The rows `0..<rowCount` cut into `pieces` contiguous stretches of nearly equal size.
    @inlinable package static func stretches(rowCount: Int, pieces: Int) -> [Range<Int>] {
        let n = max(1, pieces)
        return (0..<n).map { i in (rowCount * i / n)..<(rowCount * (i + 1) / n) }
    }

    /// Carries a value into `concurrentPerform`'s workers; see `map` for why that is safe here.
    @usableFromInline struct Unchecked<Value>: @unchecked Sendable {
        @usableFromInline let value: Value
        @usableFromInline init(value: Value) { self.value = value }
    }
}
