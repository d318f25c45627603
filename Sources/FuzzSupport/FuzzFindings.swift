@testable import CoopQL
@testable import CoopQLBase
import Foundation

/// What counts as a finding when a fuzz target runs one input, besides a crash (which libFuzzer
/// and the address sanitizer catch by themselves) and a hang (libFuzzer's `-timeout`).
///
/// An error must say where it is. Precisely:
/// - an error about query or template text (kinds syntax, name, type, runtime) must carry a span
///   and the text it points into, and the span must lie inside that text (0 ≤ start ≤ end ≤ its
///   length in bytes);
/// - an error about a data file (kind data) must carry a line and column (`location`), except the
///   few that concern the file as a whole (an empty file: no line to point at);
/// - a limit (kind limit) stops the whole run and needs no position; neither does a usage error,
///   which is about how the library was called, not about the text.
/// A finding stops the process with a message, so libFuzzer saves the input as a crash.
public enum FuzzFindings {
    /// Stops with a finding unless every diagnostic about `source` has a position inside it.
    public static func requirePositions(_ diagnostics: [Diagnostic], in source: SourceText, stage: String) {
        for d in diagnostics {
            switch d.kind {
            case .limit, .usage:
                continue
            case .data:
                // A data file named from a query (`import`, a folder) reports against the file.
                if d.location == nil { finding("\(stage): a data error without a line and column", d) }
            case .syntax, .name, .type, .runtime:
                guard let span = d.span, let text = d.source else {
                    finding("\(stage): a \(d.kind.rawValue) error without a position", d)
                }
                if span.start < 0 || span.start > span.end || span.end > text.bytes.count {
                    finding("\(stage): a span \(span.start)..<\(span.end) outside its text of \(text.bytes.count) bytes", d)
                }
                if text.name == source.name && text.bytes != source.bytes {
                    finding("\(stage): a span into a different text of the same name", d)
                }
            }
        }
    }

    /// Stops with a finding unless a data file's error says where in the file it is.
    public static func requireDataPosition(_ d: Diagnostic, stage: String) {
        if d.kind == .limit || d.kind == .usage { return }
        if d.location != nil { return }
        // The file as a whole is at fault: nothing to point at.
        let wholeFile = ["empty", "no header", "not an array", "no rows"]
        if wholeFile.contains(where: { d.message.contains($0) }) { return }
        finding("\(stage): a data error without a line and column", d)
    }

    /// Reports a finding and stops: libFuzzer saves the input that caused it.
    public static func finding(_ what: String, _ diagnostic: Diagnostic? = nil) -> Never {
        var text = "FUZZ FINDING: \(what)\n"
        if let diagnostic {
            text += "  kind: \(diagnostic.kind.rawValue), message: \(diagnostic.message)\n"
            text += diagnostic.description + "\n"
        }
        FileHandle.standardError.write(Data(text.utf8))
        abort()
    }
}
