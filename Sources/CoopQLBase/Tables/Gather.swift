/// Copying array elements picked by row numbers: the inner loop of every gather. Large gathers
/// are cut into stretches copied on all cores.
package enum Gather {
    /// `source[rows[i]]` for each i; `missing` where a row number is -1 (nil: there is none).
    @inlinable package static func values<T>(_ source: [T], at rows: [Int32], missing: T? = nil) -> [T] {
        let count = rows.count
        return [T](unsafeUninitializedCapacity: count) { out, initialized in
            let buffer = out
            source.withUnsafeBufferPointer { source in
                rows.withUnsafeBufferPointer { rows in
                    let stretches = Parallel.stretches(rowCount: count, pieces: Parallel.pieceCount(rowCount: count))
                    _ = Parallel.map(stretches.count) { p in
                        if let missing {
                            for i in stretches[p] {
                                let r = rows[i]
                                buffer.initializeElement(at: i, to: r < 0 ? missing : source[Int(r)])
                            }
                        } else {
                            for i in stretches[p] { buffer.initializeElement(at: i, to: source[Int(rows[i])]) }
                        }
                    }
                }
            }
            initialized = count
        }
    }
}
