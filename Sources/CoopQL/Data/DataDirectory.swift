import Foundation
import CoopQLBase

/// Loads every data file of a folder (`.csv`, `.json`, `.jsonl`, `.ndjson`, in any case) as a
/// table named after the file without its extension, in order of file name. Hidden files (a
/// leading `.`, such as macOS's `._x.csv` copies) and other files are passed over; two files
/// that would load as one table name are an error.
///
/// Each file is loaded as `DataFile` does. Then, across the folder, each value of a column the
/// schema says refers to another table (`coop_id` → `cooperatives`) must be the key of a row of
/// that table, found among this folder's tables or else `existingTables` (what a session has
/// loaded before); when neither has the table, the check is skipped.
///
/// Strictly (the default), all or nothing: the first problem is thrown and no table is returned.
/// Leniently, rows with problems are left out and reported as warnings; problems in the form of
/// a file still stop the load. Every problem is a `.data` diagnostic naming the file's path.
public func loadDataDirectory(_ path: String, options: LoadOptions = LoadOptions(),
                              existingTables: [String: Table] = [:]) throws(Diagnostic) -> LoadedFolder {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
        throw Diagnostic(.data, "the data folder `\(path)` does not exist",
                         hint: "give the folder that holds the .csv or .json files")
    }
    guard isFolder.boolValue else {
        throw Diagnostic(.data, "`\(path)` is a file, not a data folder",
                         hint: "give the folder that holds the .csv or .json files")
    }
    let entries: [String]
    do {
        entries = try FileManager.default.contentsOfDirectory(atPath: path)
    } catch {
        throw Diagnostic(.data, "cannot list the data folder `\(path)`: \(error.localizedDescription)")
    }
    let files = entries.filter { !$0.hasPrefix(".") && DataFormat(path: $0) != nil }.sorted()
    let folder = path.hasSuffix("/") ? path : path + "/"

    var loaded: [ReadFile] = []
    var fileOfTable: [String: String] = [:]
    for file in files {
        let name = CSVFile.tableName(forPath: file)
        // "Xa.csv" and "Xa.json", or one name spelled composed and decomposed, would be one table.
        if let other = fileOfTable[name] {
            throw Diagnostic(.data, "`\(folder + other)` and `\(folder + file)` would both load as table `\(name)`",
                             hint: "rename or remove one of the two files")
        }
        fileOfTable[name] = file
        let bytes = try CSVFile.contents(of: folder + file)
        loaded.append(try DataFile.read(bytes: bytes, format: DataFormat(path: file)!, name: folder + file,
                                        tableName: name, options: options))
    }
    let referenceWarnings = try checkReferences(&loaded, options: options, existingTables: existingTables)
    return LoadedFolder(tables: loaded.map { ($0.name, $0.table) },
                        warnings: loaded.flatMap(\.warnings) + referenceWarnings)
}

/// Checks every column that refers to another table's key, file by file, column by column;
/// leniently drops the rows that refer to nothing and returns their warnings.
private func checkReferences(_ files: inout [ReadFile], options: LoadOptions,
                             existingTables: [String: Table]) throws(Diagnostic) -> [Diagnostic] {
    var warnings: [Diagnostic] = []
    for f in files.indices {
        for (column, declared) in files[f].plan.declared.enumerated() {
            guard let declared, let target = declared.references,
                  let key = options.schemaTable(target)?.key,
                  let targetTable = files.first(where: { $0.name == target })?.table ?? existingTables[target],
                  let keyIndex = targetTable.schema.names.firstIndex(of: key),
                  let c = files[f].table.schema.names.firstIndex(of: declared.name),
                  let unmatched = TableChecks.unmatched(files[f].table.columns[c], in: targetTable.columns[keyIndex]),
                  !unmatched.isEmpty
            else { continue }
            // The file's bytes are read again only now, to place the rows.
            let lines = DataLines(bytes: try CSVFile.contents(of: files[f].path), name: files[f].path)
            let places = files[f].locator.places(of: unmatched, column: column, name: declared.name, in: lines.bytes)
            let problems = unmatched.compactMap { row -> (row: Int, problem: RowProblem)? in
                guard let place = places[row] else { return nil }
                let reason = RowProblem.Reason.reference(column: column, value: lines.value(at: place), table: target, key: key)
                return (row, RowProblem(reason: reason, rowStart: place.rowStart, at: place.start, end: place.end))
            }
            let left = try files[f].leaveOut(problems, lenient: options.lenient, lines)
            let writer = ProblemWriter(lines: lines, plan: files[f].plan)
            warnings += left.map { writer.diagnostic($0, skipped: true) }
        }
    }
    return warnings
}
