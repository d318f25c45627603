import CoopQLBase

/// Functions the host program adds to the language.
extension Session {
    /// Makes a Swift closure callable from queries as `name(a, b, …)`.
    ///
    /// The checker knows the function like a built-in: a call with the wrong number of arguments,
    /// or a use of its result as the wrong type, is an error before anything runs. Arguments may
    /// be of any type; the closure receives one value per argument (`.null` for a missing cell)
    /// and is called once per row when an argument is a column. It must return `returns` or
    /// `.null`. An error it throws stops the run with a `.runtime` diagnostic naming the function;
    /// it never crashes the host. The closure runs on the session's worker thread.
    ///
    /// - Parameters:
    ///   - name: a name that is not a built-in function or aggregate.
    ///   - arity: how many arguments it takes.
    ///   - returns: the scalar type of its result: `.int`, `.decimal`, `.text`, `.bool` or `.date`.
    ///   - body: computes the result from the argument values.
    public func register(_ name: String, arity: Int, returns: DataType,
                         _ body: @escaping @Sendable ([Value]) throws -> Value) throws(Diagnostic) {
        guard isIdentifier(name) else {
            throw Diagnostic(.usage, "`\(name)` is not a valid function name", suggestion: "use letters, digits and _")
        }
        guard Builtin(rawValue: name) == nil, AggregateFunction(rawValue: name) == nil else {
            throw Diagnostic(.usage, "`\(name)` is a built-in function and cannot be replaced", suggestion: "choose another name")
        }
        guard (0...64).contains(arity) else {
            throw Diagnostic(.usage, "a host function takes 0 to 64 arguments, not \(arity)")
        }
        guard [.int, .decimal, .text, .bool, .date].contains(returns) else {
            throw Diagnostic(.usage, "a host function returns int, decimal, text, bool or date, not \(returns)")
        }
        let function = UserFunction(name: name, parameters: (0..<arity).map { "arg\($0)" },
                                    syntax: Expr(.literal(.null), .none))
        function.host = (hostKernel(name, returns, body), returns)
        checkerEnvironment.functions[name] = function
        generation += 1
    }

    /// Calls `body` once for scalar arguments, or once per row when any argument is a column.
    private func hostKernel(_ name: String, _ type: DataType,
                            _ body: @escaping @Sendable ([Value]) throws -> Value) -> Kernel {
        { frame, _ in
            @Sendable func call(_ args: [Value]) throws -> Value {
                let result: Value
                do { result = try body(args) } catch {
                    throw KernelError("host function `\(name)` failed: \(error)")
                }
                // An int where a decimal is promised is widened; anything else is the host's mistake.
                if type == .decimal, case .int(let i) = result { return .decimal(Double(i)) }
                guard result.isNull || result.type == type else {
                    throw KernelError("host function `\(name)` returned \(result.type), but it was registered as returning \(type)")
                }
                return result
            }
            let columnar = frame.locals.contains { if case .column = $0 { return true } else { return false } }
            guard columnar else {
                return .scalar(try call(frame.locals.map { if case .scalar(let v) = $0 { return v } else { return .null } }))
            }
            var results: [Value] = []
            results.reserveCapacity(frame.rowCount)
            for row in 0..<frame.rowCount {
                results.append(try call(frame.locals.map { local in
                    switch local {
                    case .scalar(let v): return v
                    case .column(let c): return c[row]
                    }
                }))
            }
            return .column(Column.from(results, type: type))
        }
    }

    private func isIdentifier(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first == "_" || first.properties.isAlphabetic else { return false }
        return name.unicodeScalars.allSatisfy { $0 == "_" || $0.properties.isAlphabetic || ("0"..."9").contains($0) }
    }
}
