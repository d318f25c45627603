import CoopQL

/// What `.help` shows: an overview, and topics for stages, functions, operators and commands.
/// Every example runs on the sample data; each topic names the tutorial lesson that teaches it
/// (`examples/tutorial/tutorial.en.md` and `tutorial.vi.md` share their lesson numbers).
public enum HelpTopics {
    /// One entry: what it is, an example that runs, and the lesson that explains it.
    public struct Entry: Sendable {
        /// The stage, operator or function.
        public let name: String
        /// What it does, in one line.
        public let summary: String
        /// A query that uses it and runs on the sample data.
        public let example: String
        /// The tutorial lesson that explains it.
        public let lesson: Int
    }

    /// The pipeline stages (from `PipelineStage.all`), in the order the tutorial teaches them.
    public static let stages: [Entry] = PipelineStage.all.enumerated()
        .sorted { ($0.element.lesson, $0.offset) < ($1.element.lesson, $1.offset) }
        .map { Entry(name: $0.element.name, summary: $0.element.summary, example: $0.element.example, lesson: $0.element.lesson) }

    /// The operators.
    public static let operators: [Entry] = [
        Entry(name: "== != < <= > >=", summary: "compare", example: "cooperatives | where members >= 100 | count", lesson: 2),
        Entry(name: "and or not", summary: "combine conditions", example: #"cooperatives | where kind == "htx" and status == "active" | count"#, lesson: 2),
        Entry(name: "in [...]", summary: "one of a list", example: #"cooperatives | where sector in ["agriculture", "commerce"] | count"#, lesson: 2),
        Entry(name: "~ !~ =~", summary: "contains, does not contain, equal ignoring case and marks", example: #"cooperatives | where name ~ "Nông nghiệp" | count"#, lesson: 2),
        Entry(name: "+ - * / %", summary: "arithmetic", example: "cooperatives | summarize total = sum(charter_capital) / 1000000", lesson: 5),
        Entry(name: "??", summary: "a default for null", example: "cooperatives | select name, rating = rating ?? \"none\" | take 3", lesson: 5),
        Entry(name: "if then else", summary: "a choice", example: #"cooperatives | select name, size = if members >= 50 then "large" else "small" | take 3"#, lesson: 5),
    ]

    /// The built-in and aggregate functions.
    public static let functions: [Entry] =
        Builtin.allCases.map { Entry(name: $0.rawValue, summary: $0.summary, example: functionExample($0), lesson: lesson(for: $0)) }
        + AggregateFunction.allCases.map { Entry(name: $0.rawValue, summary: $0.summary, example: "cooperatives | summarize \($0.rawValue)(\($0 == .count_if ? "members > 50" : $0 == .count ? "" : "members"))", lesson: 3) }

    static func functionExample(_ b: Builtin) -> String {
        switch b {
        case .date: return #"print date("23/12/2022")"#
        case .today: return "print year(today()) >= 2024"
        case .year, .month, .day, .quarter, .half: return "cooperatives | take 3 | select name, \(b.rawValue)(founded)"
        case .round, .floor, .ceil, .abs: return "print \(b.rawValue)(-3.75)"
        case .lower, .upper, .len, .trim, .fold: return #"print \#(b.rawValue)(" Bạc Liêu ")"#
        case .starts_with, .ends_with: return #"print \#(b.rawValue)("Bạc Liêu", "Bạc")"#
        case .int: return #"print int("42")"#
        case .decimal: return #"print decimal("3.5")"#
        case .text: return "print text(1915)"
        case .label: return #"print label("agriculture")"#
        case .merged: return "cooperatives | count by province = merged(province) | sort by count desc | take 5"
        case .value: return "print value(cooperatives | summarize sum(members))"
        case .fmt: return "print fmt(1915)"
        case .pct: return "print pct(87.1)"
        case .vnd: return "print vnd(1456000000)"
        case .date_vi: return #"print date_vi(date("2022-12-23"))"#
        case .percent: return "cooperatives | count by kind | select kind, share = percent(count)"
        }
    }

    static func lesson(for b: Builtin) -> Int {
        switch b {
        case .label: return 7
        case .fmt, .pct, .vnd, .date_vi, .value: return 8
        default: return 5
        }
    }

    /// The shell's dot commands and what each does.
    public static let commands: [(String, String)] = [
        (".help [topic]", "this help; topics: stages, functions, operators, commands, or a name"),
        (".tables", "the loaded tables and their rows"),
        (".schema [table]", "columns, types, descriptions and codes"),
        (".load DIR|FILE", "load a folder of data files, or one file"),
        (".format " + OutputFormat.names(for: .query), "how results are shown (.mode is the same)"),
        (".output FILE / .output", "write results to a file / back to the screen"),
        (".timer on|off", "show how long each entry took"),
        (".limits [max-time|max-memory|max-steps|max-rows VALUE]", "show the limits of each run, or set one (none removes it)"),
        (".lang vi|en", "language of labels and numbers"),
        (".params", "parameters and values declared so far"),
        (".run FILE", "run a script"),
        (".explain QUERY", "the plan the query runs by: its operators as a tree (stages run as one share a line)"),
        (".explain analyze QUERY", "runs that plan and shows each operator's rows and time"),
        (".quit", "leave (or Ctrl-D)"),
    ]

    /// The names `.help` accepts, for completion.
    public static var names: [String] {
        ["stages", "functions", "operators", "commands", "tutorial"] + stages.map(\.name) + functions.map(\.name)
    }

    static let tutorialNote = "The tutorial: examples/tutorial/tutorial.en.md (Vietnamese: tutorial.vi.md)."

    /// The text of `.help` (no topic) or `.help TOPIC`; nil when the topic is unknown.
    public static func text(_ topic: String?) -> String? {
        guard let topic, !topic.isEmpty else { return overview }
        switch topic {
        case "stages": return list("Stages (after |)", stages)
        case "functions": return list("Functions", functions)
        case "operators": return list("Operators", operators)
        case "commands": return commandList + "\n"
        case "tutorial": return tutorialNote + "\n"
        default:
            guard let e = (stages + functions).first(where: { $0.name == topic })
                    ?? operators.first(where: { $0.name.split(separator: " ").contains(Substring(topic)) }) else { return nil }
            return "\(e.name): \(e.summary)\n  example: \(e.example)\n  lesson \(e.lesson) of the tutorial\n"
        }
    }

    static func list(_ title: String, _ entries: [Entry]) -> String {
        let width = entries.map { $0.name.count }.max() ?? 0
        return title + " (.help NAME for one; lesson N of the tutorial explains it):\n" + entries.map { e in
            "  " + e.name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + e.summary
                + "\n  " + String(repeating: " ", count: width) + "  e.g. " + e.example + "   [lesson \(e.lesson)]"
        }.joined(separator: "\n") + "\n"
    }

    static var commandList: String {
        let width = commands.map { $0.0.count }.max() ?? 0
        return commands.map { "  " + $0.0.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + $0.1 }.joined(separator: "\n")
    }

    static var overview: String {
        """
        Type a query and press Enter, for example:
          cooperatives | where kind == "htx" | count by sector
        A line ending in |, an open bracket or an open string continues on the next line; a blank
        line ends an entry. An entry starting with | continues the previous query.
        Tab completes names, columns, codes inside quotes and paths; Up recalls, Ctrl-R searches
        history; Ctrl-C stops a running query or clears the line; Ctrl-D leaves.
        Commands:
        \(commandList)
        Help topics: .help stages, .help functions, .help operators, .help NAME.
        \(tutorialNote)

        """
    }
}
