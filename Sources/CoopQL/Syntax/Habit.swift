/// The messages for habits brought from SQL and KQL, each written once here (and nowhere else)
/// so that each can move to a message catalogue as it is. Each says what was written, and its
/// suggestion shows the CoopQL way with the person's own names filled in.
struct Habit: Equatable {
    var message: String
    var suggestion: String
    var hint: String? = nil

    /// `&&`, `||`, `<>`.
    static func foreignOperator(_ written: String, meaning: TokenKind) -> Habit {
        let word: String = switch meaning {
        case .keyword(let k): k.rawValue
        case .symbol(let s): s.rawValue
        default: "\(meaning)"
        }
        return Habit(message: "`\(written)` is not an operator in CoopQL", suggestion: "write `\(word)`")
    }

    /// `SELECT … FROM table [WHERE …]`.
    static func sqlSelect(pipeline: String) -> Habit {
        Habit(message: "CoopQL does not use SQL's SELECT … FROM: a query starts with its table, and each step follows a `|`",
              suggestion: "write \(pipeline)")
    }

    /// A stage word from SQL or KQL: `group by`, `order by`, `limit`, `project`, `having`.
    static func foreignStage(_ written: String, language: String, instead: String) -> Habit {
        Habit(message: "`\(written)` is \(language), not a CoopQL stage", suggestion: "write \(instead)")
    }

    /// `count(*)`.
    static func countStar(_ function: String) -> Habit {
        Habit(message: "`\(function)(*)` is SQL: in CoopQL `\(function)()` counts the rows", suggestion: "write \(function)()")
    }

    /// `like`, `between`, `contains` and the other condition words of SQL and KQL.
    static func foreignCondition(_ written: String, language: String, instead: String) -> Habit {
        Habit(message: "`\(written)` is \(language), not CoopQL", suggestion: "write \(instead)")
    }

    /// `IS NULL`, `AND`, `IN` written in capitals.
    static func capitalKeyword(_ written: String, instead: String) -> Habit {
        Habit(message: "CoopQL's words are written in small letters: `\(written)` is `\(written.lowercased())`",
              suggestion: "write \(instead)")
    }

    /// `IN ("a", "b")`.
    static func listInParentheses(instead: String) -> Habit {
        Habit(message: "a list is written in square brackets in CoopQL, not in parentheses", suggestion: "write \(instead)")
    }

    /// `select name members`.
    static func missingComma(between first: String, and second: String) -> Habit {
        Habit(message: "a `,` is missing between `\(first)` and `\(second)`", suggestion: "write \(first), \(second)")
    }

    /// `cooperatives take 5`.
    static func missingPipe(before stage: String, instead: String) -> Habit {
        Habit(message: "`\(stage)` is a stage: a stage follows `|`", suggestion: "write \(instead)")
    }
}
