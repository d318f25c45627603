import CoopQL
import CoopQLSample
import Foundation

/// The data set opened when no `--data` is given: the bundled sample, generated on first use into
/// a cache folder and read from there afterwards.
public enum DefaultData {
    /// Bumped whenever the generator's output changes, so an old cache is not used.
    static let generation = 2

    /// `$COOPQL_SAMPLE_DIR`, else `$XDG_CACHE_HOME/coopql/…`, else `~/.cache/coopql/…`.
    public static var directory: String {
        let env = ProcessInfo.processInfo.environment
        if let dir = env["COOPQL_SAMPLE_DIR"], !dir.isEmpty { return dir }
        let cache = env["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (NSHomeDirectory() as NSString).appendingPathComponent(".cache")
        return (cache as NSString).appendingPathComponent("coopql/sample-\(generation)-seed-2024")
    }

    /// The folder holding the default data set, generating it first if it is not there yet.
    /// It is written beside its final place and renamed into it, so an interrupted first run
    /// never leaves a half-written data set that later runs would trust.
    public static func prepare() throws(Diagnostic) -> String {
        let target = directory
        let marker = (target as NSString).appendingPathComponent("cooperatives.csv")
        if FileManager.default.fileExists(atPath: marker) { return target }
        let parent = (target as NSString).deletingLastPathComponent
        let temporary = (parent as NSString).appendingPathComponent(".sample-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        } catch {
            throw Diagnostic(.data, "cannot create the cache folder `\(parent)`: \(error.localizedDescription)",
                             hint: "set COOPQL_SAMPLE_DIR to a folder you can write, or pass --data DIR")
        }
        try SampleData.write(to: temporary)
        do {
            try FileManager.default.moveItem(atPath: temporary, toPath: target)
        } catch {
            // Another process may have finished first: its copy is as good as ours.
            try? FileManager.default.removeItem(atPath: temporary)
            if !FileManager.default.fileExists(atPath: marker) {
                throw Diagnostic(.data, "cannot place the sample data in `\(target)`: \(error.localizedDescription)")
            }
        }
        return target
    }
}
