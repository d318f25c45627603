import Foundation
import CoopQLBase

extension CSVReader {
    /// How many stretches of rows to read at once: one per core, each at least 1 MiB, since
    /// every stretch adds a little work when the parts of its columns are joined.
    static func stretchCount(dataBytes: Int) -> Int {
        max(1, min(ProcessInfo.processInfo.activeProcessorCount, dataBytes / (1 << 20)))
    }

    /// What reading a file's rows gave: its columns and, leniently, the rows left out.
    struct ReadColumns {
        var columns: [Column]
        var problems: [RowProblem]
        /// Where each row left out starts, in order.
        var skipped: [Int]
        /// What the user should know about how columns were read (numbers that disagree).
        var notes: [String] = []
    }

    /// Reads the data rows in `parts` stretches side by side and joins them into columns. The
    /// result is the same as one read from start to end: the same types, values, dictionary
    /// order, and the same first problem.
    static func loadColumns(_ parser: CSVParser, dataStart: Int, plan: ColumnPlan, parts: Int,
                            lenient: Bool, numbers: NumberConvention = .auto) throws(LoadFailure) -> ReadColumns {
        let starts = parser.rowStretches(from: dataStart, parts: parts)
        if let read = try loadColumns(parser, starts: starts, plan: plan, lenient: lenient, numbers: numbers) { return read }
        // A quote in the middle of an unquoted field misled the split: read in one stretch.
        return try loadColumns(parser, starts: [dataStart], plan: plan, lenient: lenient, numbers: numbers)!
    }

    /// Columns from the rows of stretches starting at `starts`; nil when a stretch does not end
    /// where the next begins (the split was not at row boundaries).
    private static func loadColumns(_ parser: CSVParser, starts: [Int], plan: ColumnPlan,
                                    lenient: Bool, numbers: NumberConvention) throws(LoadFailure) -> ReadColumns? {
        let width = plan.width
        let ends = Array(starts.dropFirst()) + [parser.count]
        let perLine = parser.bytesPerLine(from: starts[0])
        var firstPass = Parallel.map(starts.count) { j -> Result<(set: ColumnSet, read: RowsRead), CSVFault> in
            var reader = parser
            let expected = Int(Double(ends[j] - starts[j]) / perLine * 1.02) + 16
            var set = ColumnSet(plan, reserving: expected)
            do throws(CSVFault) {
                let read = try reader.readRows(from: starts[j], upTo: ends[j], into: &set, lenient: lenient)
                return .success((set, read))
            } catch {
                return .failure(error)
            }
        }

        // Parts by column, then by stretch. In file order, a stretch's fault or (strictly) refused
        // row is the file's first: every stretch before it read cleanly and ended where the next began.
        var columns = [[ColumnBuilder]](repeating: [], count: width)
        var problems: [RowProblem] = []
        var skipped: [[Int]] = []
        for j in firstPass.indices {
            switch firstPass[j] {
            case .failure(let fault):
                throw .csv(fault)
            case .success(let (set, read)):
                if !lenient, let first = read.problems.first { throw .row(first, plan) }
                if j + 1 < starts.count && read.end != starts[j + 1] { return nil }
                problems += read.problems
                skipped.append(read.skipped)
                for c in 0..<width { columns[c].append(set.builders[c]) }
            }
        }
        // Let go of the first pass's copies so each part's arrays have one owner and are freed
        // (or converted in place) as they are joined.
        firstPass.removeAll()

        let kinds = columns.map(ColumnBuilder.combinedKind)
        // Numbers written the Vietnamese way anywhere in the file decide how `1.500` reads,
        // unless the user said (`NumberConvention`); a decimal point elsewhere says the opposite.
        let fileVietnamese = columns.contains { $0.contains(where: \.sawVietnamese) }
        let filePoint = columns.contains { $0.contains { $0.pointExample != nil } }
        let vietnamese = numbers == .vietnamese || (numbers == .auto && fileVietnamese)
        var notes: [String] = []
        for c in 0..<width {
            if let (point, grouping) = ColumnBuilder.numberConflict(columns[c]) {
                notes.append("column \(plan.names[c]) loads as text: its numbers disagree on what a dot means "
                             + "(`\(point)` has a decimal point, `\(grouping)` groups thousands)")
            } else if kinds[c] == .decimal, numbers == .auto, !fileVietnamese, !filePoint, ColumnBuilder.onlyAmbiguous(columns[c]) {
                let example = columns[c].lazy.compactMap(\.groupingExample).first ?? ""
                notes.append("column \(plan.names[c]): every number with a dot looks like `\(example)` and the file does not say "
                             + "whether the dot groups thousands; read as a decimal point (say --numbers vi for thousands)")
            }
        }
        // A column that is text overall but held other values in some stretch (or changed type
        // within one) needs those stretches read again as text, passing over the rows left out.
        let rereads = starts.indices.map { j in (0..<width).filter { columns[$0][j].needsRereading(as: kinds[$0]) } }
        if rereads.contains(where: { !$0.isEmpty }) {
            let textPass = Parallel.map(starts.count) { j -> Result<[ColumnBuilder], CSVFault> in
                guard !rereads[j].isEmpty else { return .success([]) }
                var reader = parser
                var set = ColumnSet(rereading: rereads[j], width: width) { columns[$0][j].rowCount }
                do throws(CSVFault) {
                    _ = try reader.readRows(from: starts[j], upTo: ends[j], into: &set, lenient: lenient, passOver: skipped[j])
                    return .success(set.builders)
                } catch {
                    return .failure(error)
                }
            }
            for j in textPass.indices {
                switch textPass[j] {
                case .failure(let fault): throw .csv(fault)
                case .success(let builders): for c in rereads[j] { columns[c][j] = builders[c] }
                }
            }
        }

        // Each column is joined by one worker, which owns its parts.
        let merged = columns.withUnsafeMutableBufferPointer { byColumn in
            Parallel.map(width) { c in ColumnBuilder.merge(&byColumn[c], as: kinds[c], vietnamese: vietnamese) }
        }
        return ReadColumns(columns: merged, problems: problems, skipped: skipped.flatMap { $0 }, notes: notes)
    }
}
