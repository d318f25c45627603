import Foundation
import CoopQLBase

/// What `import` may read: a `.coop` script whose real path (every symbolic link followed, every
/// `..` removed) lies inside one of the session's allowed folders, whose real paths are compared
/// too. A link inside an allowed folder that points outside it is therefore refused, and a file
/// that is not a script is never read, so its lines can never show up in an error message.
struct ImportSandbox {
    /// The allowed folders' real paths (a folder that does not exist allows nothing).
    let allowed: [String]

    init(allowedDirectories: [String]) {
        allowed = allowedDirectories.compactMap(ImportSandbox.realPath)
    }

    /// The real path of an existing file or folder; nil when it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    func contains(_ realPath: String) -> Bool {
        allowed.contains { folder in
            realPath == folder || realPath.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/")
        }
    }

    /// Reads the script `path` names (relative to the importing file's folder), or says why not.
    func read(_ path: String, from: SourceText) throws -> SourceText {
        let base = URL(fileURLWithPath: from.name).deletingLastPathComponent()
        let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : base.appendingPathComponent(path)
        let outside = Diagnostic(.usage, "cannot import \(path): it is outside the folders this session may read",
                                 hint: "allowed: " + (allowed.isEmpty ? "none" : allowed.joined(separator: ", ")))
        guard let real = ImportSandbox.realPath(url.path) else {
            // Say "no such file" only inside the allowed folders: elsewhere, not even whether a
            // file exists is told.
            guard contains(url.standardizedFileURL.path) else { throw outside }
            throw Diagnostic(.usage, "cannot import \(path): no such file")
        }
        guard contains(real) else { throw outside }
        guard real.hasSuffix(".coop") else {
            throw Diagnostic(.usage, "cannot import \(path): only CoopQL scripts (.coop files) can be imported",
                             suggestion: "load data files with --data or .load; import scripts ending in .coop")
        }
        guard let data = FileManager.default.contents(atPath: real) else {
            throw Diagnostic(.usage, "cannot import \(path): the file cannot be read")
        }
        return try SourceText.decode(name: real, bytes: Array(data))
    }
}
