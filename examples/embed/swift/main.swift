// A small host program: builds a table from Swift arrays, adds a host function, runs a prepared
// query with typed parameters, and shows a result as a typed table, as JSON, and an error value.
import CoopQL

let session = Session()          // no file access unless allowedDirectories says so
session.limits = Limits(maxSteps: 100_000, timeout: 5)

let members = try Table([
    "name": .text(["An Phú", "Bình Minh", "Hòa Lợi"]),
    "province": .text(["Bắc Ninh", "Hà Nội", "Bắc Ninh"]),
    "members": .int([12, 30, nil]),
])
session.addTable("coops", members)

// A host function, checked by the checker like a built-in.
try session.register("shout", arity: 1, returns: .text) { args in
    guard case .text(let s) = args[0] else { return .null }
    return .text(s.uppercased() + "!")
}

// Compile once (the first values give the parameters' types), run with several values.
let query = try session.prepare("coops | where members >= $min | select name, loud = shout(name)",
                                parameters: ["min": .int(0)])
for min in [10, 20] {
    query.bind("min", .int(Int64(min)))
    let table = try query.run().table!
    let names = (0..<table.rowCount).map { humanText(table[$0, "loud"]!, style: .english) }
    print("min \(min): \(table.columnNames.joined(separator: ",")) → \(names.joined(separator: " "))")
}

// A scalar, and a result rendered as JSON.
print("total:", try session.query("coops | summarize n = sum(members) | select n").rendered(as: .json), terminator: "")
print("count:", humanText(try session.query("coops | count").scalar!, style: .english))

// Errors are values: kind, message, line and column, suggestion.
do {
    _ = try session.query("coops | where membrs > 1")
} catch {
    let d = error.diagnostics[0]
    print("error \(d.kind) at \(d.location!.line):\(d.location!.column): \(d.message); \(d.suggestion ?? "")")
}
