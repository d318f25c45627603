import Foundation

/// Runs independent pieces of work on all cores.
enum CSVParallel {
    /// `body(0) … body(count - 1)`, run concurrently, results in order.
    ///
    /// The calls must not write anything they share; in this reader they read the file's bytes
    /// and earlier results, and each writes only its own result slot or its own column's parts.
    /// That is a promise the compiler cannot check through unsafe pointers and non-Sendable
    /// closures, hence `Unchecked`; it holds because `concurrentPerform` returns only after
    /// every call has finished, while all that the calls reach is still alive and unchanged.
    static func map<T>(_ count: Int, _ body: (Int) -> T) -> [T] {
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

    /// Carries a value into `concurrentPerform`'s workers; see `map` for why that is safe here.
    private struct Unchecked<Value>: @unchecked Sendable {
        let value: Value
    }
}

extension CSVReader {
    /// How many stretches of rows to read at once: one per core, each at least 1 MiB, since
    /// every stretch adds a little work when the parts of its columns are joined.
    static func stretchCount(dataBytes: Int) -> Int {
        max(1, min(ProcessInfo.processInfo.activeProcessorCount, dataBytes / (1 << 20)))
    }

    /// Reads the data rows in `parts` stretches side by side and joins them into columns. The
    /// result is the same as one read from start to end: the same types, values, dictionary
    /// order, and the same first error.
    static func loadColumns(_ parser: CSVParser, dataStart: Int, width: Int, parts: Int) throws(CSVFault) -> [Column] {
        let starts = parser.rowStretches(from: dataStart, parts: parts)
        if let columns = try loadColumns(parser, starts: starts, width: width) { return columns }
        // A quote in the middle of an unquoted field misled the split: read in one stretch.
        return try loadColumns(parser, starts: [dataStart], width: width)!
    }

    /// Columns from the rows of stretches starting at `starts`; nil when a stretch does not end
    /// where the next begins (the split was not at row boundaries).
    private static func loadColumns(_ parser: CSVParser, starts: [Int], width: Int) throws(CSVFault) -> [Column]? {
        let ends = Array(starts.dropFirst()) + [parser.count]
        let perLine = parser.bytesPerLine(from: starts[0])
        var firstPass = CSVParallel.map(starts.count) { j -> Result<(builders: [CSVColumnBuilder], end: Int), CSVFault> in
            var reader = parser
            let expected = Int(Double(ends[j] - starts[j]) / perLine * 1.02) + 16
            var builders = (0..<width).map { _ in CSVColumnBuilder(reserving: expected) }
            do throws(CSVFault) {
                let end = try reader.readRows(from: starts[j], upTo: ends[j], into: &builders).end
                return .success((builders, end))
            } catch {
                return .failure(error)
            }
        }

        // Parts by column, then by stretch. In file order, a stretch's fault is the file's first:
        // every stretch before it read cleanly and ended where the next began.
        var columns = [[CSVColumnBuilder]](repeating: [], count: width)
        for j in firstPass.indices {
            switch firstPass[j] {
            case .failure(let fault):
                throw fault
            case .success(let (builders, end)):
                if j + 1 < starts.count && end != starts[j + 1] { return nil }
                for c in 0..<width { columns[c].append(builders[c]) }
            }
        }
        // Let go of the first pass's copies so each part's arrays have one owner and are freed
        // (or converted in place) as they are joined.
        firstPass.removeAll()

        let kinds = columns.map(CSVColumnBuilder.combinedKind)
        // A column that is text overall but held other values in some stretch (or changed type
        // within one) needs those stretches read again as text.
        let rereads = starts.indices.map { j in (0..<width).filter { columns[$0][j].needsRereading(as: kinds[$0]) } }
        if rereads.contains(where: { !$0.isEmpty }) {
            let textPass = CSVParallel.map(starts.count) { j -> Result<[CSVColumnBuilder], CSVFault> in
                guard !rereads[j].isEmpty else { return .success([]) }
                var reader = parser
                var builders = (0..<width).map { c in
                    rereads[j].contains(c) ? CSVColumnBuilder.text(reserving: columns[c][j].rowCount) : .skipping
                }
                do throws(CSVFault) {
                    _ = try reader.readRows(from: starts[j], upTo: ends[j], into: &builders)
                    return .success(builders)
                } catch {
                    return .failure(error)
                }
            }
            for j in textPass.indices {
                switch textPass[j] {
                case .failure(let fault): throw fault
                case .success(let builders): for c in rereads[j] { columns[c][j] = builders[c] }
                }
            }
        }

        // Each column is joined by one worker, which owns its parts.
        return columns.withUnsafeMutableBufferPointer { byColumn in
            CSVParallel.map(width) { c in CSVColumnBuilder.merge(&byColumn[c], as: kinds[c]) }
        }
    }
}
