import CoopQLBase

extension DiagnosticRenderer {
    /// A diagnostic shown as a warning (a row a lenient load left out): the same text `render`
    /// gives, labelled `warning` rather than `error`. `Diagnostic` has no severity of its own, so
    /// the label is swapped in the rendered text, where it follows the location.
    public func renderWarning(_ d: Diagnostic) -> String {
        let text = render(d)
        let error = colour ? "\u{1B}[1;31merror\u{1B}[0m: " : "error: "
        let warning = colour ? "\u{1B}[1;33mwarning\u{1B}[0m: " : "warning: "
        guard let label = text.range(of: error) else { return text }
        return text.replacingCharacters(in: label, with: warning)
    }
}
