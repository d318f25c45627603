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
    // One data file loads as a folder holding only it.
    if !isFolder.boolValue, DataFormat(path: path) != nil {
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[...$0]) } ?? "./"
        let file = slash.map { String(path[path.index(after: $0)...]) } ?? path
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return try loadFiles([file], in: folder, entries: entries, options: options, existingTables: existingTables)
    }
    guard isFolder.boolValue else {
        throw Diagnostic(.data, "`\(path)` is a file, not a data folder",
                         hint: "give the folder that holds the .csv or .json files, or one .csv, .json or .xlsx file")
    }
    let entries: [String]
    do {
        entries = try FileManager.default.contentsOfDirectory(atPath: path)
    } catch {
        throw Diagnostic(.data, "cannot list the data folder `\(path)`: \(error.localizedDescription)")
    }
    let files = entries.filter { !$0.hasPrefix(".") && DataFormat(path: $0) != nil }.sorted()
    return try loadFiles(files, in: path, entries: entries, options: options, existingTables: existingTables)
}

/// Loads the named files of a folder (see `loadDataDirectory`); `entries` is everything the
/// folder holds, where its `headers.map` is looked for.
private func loadFiles(_ files: [String], in path: String, entries: [String], options: LoadOptions,
                       existingTables: [String: Table]) throws(Diagnostic) -> LoadedFolder {
    let folder = path.hasSuffix("/") ? path : path + "/"
    // A folder's own header map (see `HeaderMap`) applies to its files, after `--map`'s entries.
    var options = options
    if let mapFile = entries.first(where: { $0.lowercased() == "headers.map" }) {
        let bytes = try DataFiles.contents(of: folder + mapFile)
        options.headerMap = options.headerMap.adding(try HeaderMap(text: String(decoding: bytes, as: UTF8.self), name: folder + mapFile))
    }

    var loaded: [ReadFile] = []
    var fileOfTable: [String: String] = [:]
    for file in files {
        let name = DataFiles.tableName(forPath: file)
        // "Xa.csv" and "Xa.json", or one name spelled composed and decomposed, would be one table.
        if let other = fileOfTable[name] {
            throw Diagnostic(.data, "`\(folder + other)` and `\(folder + file)` would both load as table `\(name)`",
                             hint: "rename or remove one of the two files")
        }
        fileOfTable[name] = file
        let bytes = try DataFiles.contents(of: folder + file)
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
            let lines = DataLines(bytes: try DataFiles.contents(of: files[f].path), name: files[f].path)
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
