import Foundation

/// Loads every `*.csv` file of a folder as a table named after the file (without `.csv`), in order
/// of file name. Hidden files (a leading `.`, such as macOS's `._x.csv` copies) are passed over.
///
/// All or nothing: the first folder or file problem is thrown and no table is returned. Each
/// problem is a `.data` diagnostic naming the path (see `CSVReader` for problems inside a file).
public func loadDataDirectory(_ path: String) throws(Diagnostic) -> [(name: String, table: Table)] {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
        throw Diagnostic(.data, "the data folder `\(path)` does not exist",
                         hint: "give the folder that holds the .csv files")
    }
    guard isFolder.boolValue else {
        throw Diagnostic(.data, "`\(path)` is a file, not a data folder",
                         hint: "give the folder that holds the .csv files")
    }
    let entries: [String]
    do {
        entries = try FileManager.default.contentsOfDirectory(atPath: path)
    } catch {
        throw Diagnostic(.data, "cannot list the data folder `\(path)`: \(error.localizedDescription)")
    }
    let files = entries
        .filter { !$0.hasPrefix(".") && $0.lowercased().hasSuffix(".csv") }
        .sorted()
    let folder = path.hasSuffix("/") ? path : path + "/"

    var tables: [(name: String, table: Table)] = []
    var fileOfTable: [String: String] = [:]
    for file in files {
        let name = CSVFile.tableName(forPath: file)
        // "Xa.csv" and "Xa.CSV", or one name spelled composed and decomposed, would be one table.
        if let other = fileOfTable[name] {
            throw Diagnostic(.data, "`\(folder + other)` and `\(folder + file)` would both load as table `\(name)`",
                             hint: "rename or remove one of the two files")
        }
        fileOfTable[name] = file
        tables.append((name, try CSVReader.read(path: folder + file, tableName: name)))
    }
    return tables
}
