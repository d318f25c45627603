/// Names of places are checked like codes: a text compared with a `province` column that is none
/// of the built-in names (the 63 before the 2025 merger, the 34 after it) can never match, so it
/// is an error with the closest name. The forms offices write (`Tỉnh Bắc Ninh`, `TP HCM`) are
/// read as the name they stand for. `=~` is not checked: it ignores accents on purpose.
extension Checker {
    /// Columns whose values are province names.
    static let placeColumns: Set<String> = ["province", "merged_into"]

    /// `value` as it should be compared with `column`: unchanged, or the built-in name an office
    /// form stands for; an error when `column` holds province names and `value` is none.
    func checkPlaceName(_ column: BoundExpr, _ value: BoundExpr, _ scope: Scope) throws(Failure) -> BoundExpr {
        guard case .column(let i) = column.kind, let row = scope.row, i < row.columns.count,
              Checker.placeColumns.contains(row.columns[i].name) else { return value }
        switch value.kind {
        case .constant(.text(let written)):
            guard let name = ProvinceNames.canonical(written) else {
                let message = PlaceNameMessages.notAProvince(written, column: row.columns[i].name)
                throw fail(.type, message.text, value.span, suggestion: message.suggestion, hint: message.hint)
            }
            return name == written ? value : BoundExpr(.constant(.text(name)), value.type, value.span)
        case .parameter(let parameter):
            guard let (fixed, given) = parameterValues[parameter], case .text(let written) = fixed else { return value }
            guard let name = ProvinceNames.canonical(written) else {
                // Reported once, without stopping the statement: every later use of what it
                // defines would otherwise be an error too.
                if reportedParameters.insert(parameter).inserted {
                    let message = PlaceNameMessages.parameterNotAProvince(parameter, written, given: given)
                    _ = fail(given == nil ? .type : .usage, message.text, value.span, suggestion: message.suggestion, hint: message.hint)
                }
                return value
            }
            // The parameter's value is fixed for this run: compare with the name it stands for.
            return name == written ? value : BoundExpr(.constant(.text(name)), value.type, value.span)
        default:
            return value
        }
    }
}

/// The messages about names of places, each written once here so that each can move to a
/// message catalogue as it is.
enum PlaceNameMessages {
    struct Message { var text: String; var suggestion: String?; var hint: String? }

    static func notAProvince(_ written: String, column: String) -> Message {
        let closest = ProvinceNames.closest(to: written)
        return Message(text: "\"\(written)\" is not the name of a province, before or after the 2025 merger",
                       suggestion: closest.map { "did you mean \"\($0)\"?" },
                       hint: "to ignore accents on purpose, compare with =~ (\(column) =~ \"\(written)\")")
    }

    static func parameterNotAProvince(_ parameter: String, _ written: String, given: String?) -> Message {
        let closest = ProvinceNames.closest(to: written)
        let origin = given.map { "--param \(parameter)=\($0)" } ?? "the default of `$\(parameter)`"
        return Message(text: "\(origin): \"\(written)\" is not the name of a province, before or after the 2025 merger",
                       suggestion: closest.map { "did you mean \"\($0)\"?" + (given != nil ? " (--param \(parameter)=\"\($0)\")" : "") },
                       hint: "the province's name is checked before anything is run or rendered")
    }
}
