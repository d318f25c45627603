import Foundation

/// Places the tests write to, under the system's temporary folder. Every path handed out is
/// removed when the test process exits, so a test run leaves nothing behind, even when a test
/// stops early or the folder is shared by many tests (the generated sample data).
enum TemporaryFolders {
    /// A new path `…/coopql-<label>-<unique>`; nothing is created there yet.
    static func path(_ label: String) -> String { url(label).path }

    /// The same as `path`, as a file URL.
    static func url(_ label: String) -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("coopql-\(label)-\(UUID().uuidString)")
        Registry.shared.add(url)
        return url
    }

    /// The paths handed out so far; the first one registers the clean-up at exit.
    private final class Registry: @unchecked Sendable {
        static let shared: Registry = {
            atexit { Registry.shared.removeAll() }
            return Registry()
        }()
        private let lock = NSLock()
        private var urls: [URL] = []

        func add(_ url: URL) { lock.lock(); urls.append(url); lock.unlock() }

        func removeAll() {
            lock.lock(); defer { lock.unlock() }
            for url in urls { try? FileManager.default.removeItem(at: url) }
            urls = []
        }
    }
}
