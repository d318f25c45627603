import CoopQL

/// `.limits`: shows the limits each entry runs under, or changes one (`.limits max-time 30`,
/// `.limits max-memory 2GB`, `.limits max-steps none`).
extension LineREPL {
    func limits(_ argument: String) {
        let words = argument.split(separator: " ").map(String.init)
        if words.isEmpty {
            shell.write(shell.session.limits.summary.joined(separator: "\n") + "\n")
            return
        }
        guard words.count == 2 else {
            shell.writeError("usage: .limits [max-time|max-memory|max-steps|max-rows VALUE]\n")
            return
        }
        var limits = shell.session.limits
        if let problem = limits.set(words[0], words[1]) {
            shell.writeError(problem + "\n")
            return
        }
        shell.session.limits = limits
    }
}
