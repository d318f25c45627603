import CoopQL
/// The shell's own sentences added with its polish (banner, `.mode`, dot commands in scripts),
/// each written once here so that each can move to a message catalogue as it is.
public enum ShellMessages {
    /// The version `coopql --version` and the banner show (the C library reports the same).
    public static let version = "1.0.0"

    /// The one line shown when the interactive shell starts.
    public static func banner(_ language: Language) -> String {
        switch language {
        case .vi: "CoopQL \(version) — gõ .help để xem hướng dẫn, .quit để thoát\n"
        case .en: "CoopQL \(version) — type .help for help, .quit to leave\n"
        }
    }

    /// The formats `.format` and `.mode` accept, sqlite3's names included.
    static let formatUsage = ".format table|csv|json|markdown (also .mode, with sqlite3's box and column for table)"

    /// A dot command in a script that did not do what it says.
    static func commandFailed(_ command: String) -> String {
        "the script stops here: \(command) did not succeed"
    }
}
