/// A column of a table: one typed array of cells and a validity bitmap for the nulls.
///
/// Text is dictionary-encoded: each cell is a code into `StringDictionary`, so comparing a text
/// column with a literal compares integers, and grouping or sorting by text works on codes.
public struct Column: Sendable {
    /// The cells, as one typed array.
    public enum Storage: Sendable {
        case int([Int64])
        case decimal([Double])
        case bool([Bool])
        case date([Int32])
        case text(codes: [Int32], dictionary: StringDictionary)
    }

    /// The typed cells; under a null the cell holds a zero value.
    public var storage: Storage { didSet { zoneMaps = nil } }
    /// Which cells hold a value; nil means none is null.
    public var validity: Bitmap? { didSet { zoneMaps = nil } }
    /// Where the column's zone map is kept once worked out; only the columns of a session's
    /// tables have one (see `Table.withZoneMaps`). Changing the cells drops it.
    package var zoneMaps: ZoneMapCache?

    /// A column of these cells; a validity with every bit set is dropped, since nil already means "no nulls".
    public init(_ storage: Storage, validity: Bitmap? = nil) {
        self.storage = storage
        self.validity = validity.flatMap { $0.allSet ? nil : $0 }
    }

    /// The number of cells.
    public var count: Int {
        switch storage {
        case .int(let a): return a.count
        case .decimal(let a): return a.count
        case .bool(let a): return a.count
        case .date(let a): return a.count
        case .text(let codes, _): return codes.count
        }
    }

    /// The scalar type of the cells.
    public var type: DataType {
        switch storage {
        case .int: return .int
        case .decimal: return .decimal
        case .bool: return .bool
        case .date: return .date
        case .text: return .text
        }
    }

    @inline(__always) public func isValid(_ row: Int) -> Bool { validity?[row] ?? true }

    /// One cell as a Value (slow path: rendering, scripting, tests; never an inner loop).
    public subscript(row: Int) -> Value {
        guard isValid(row) else { return .null }
        switch storage {
        case .int(let a): return .int(a[row])
        case .decimal(let a): return .decimal(a[row])
        case .bool(let a): return .bool(a[row])
        case .date(let a): return .date(Day(number: a[row]))
        case .text(let codes, let dict): return .text(dict.strings[Int(codes[row])])
        }
    }

    /// The rows named by `selection`, in that order (a gather). `-1` in the selection yields a null
    /// row, which is how a left join fills unmatched rows.
    public func gather(_ selection: [Int32]) -> Column {
        var validity: Bitmap? = nil
        let hasMissing = selection.contains(-1)
        if self.validity != nil || hasMissing {
            var bits = Bitmap(count: selection.count, value: true)
            for (i, r) in selection.enumerated() where r < 0 || !isValid(Int(r)) { bits[i] = false }
            validity = bits
        }
        @inline(__always) func pick<T>(_ a: [T], _ zero: T) -> [T] {
            Gather.values(a, at: selection, missing: hasMissing ? zero : nil)
        }
        switch storage {
        case .int(let a): return Column(.int(pick(a, 0)), validity: validity)
        case .decimal(let a): return Column(.decimal(pick(a, 0)), validity: validity)
        case .bool(let a): return Column(.bool(pick(a, false)), validity: validity)
        case .date(let a): return Column(.date(pick(a, 0)), validity: validity)
        case .text(let codes, let dict):
            // Cells under a null hold code 0, so the dictionary must have an entry 0.
            let safe = hasMissing && dict.strings.isEmpty ? StringDictionary([""]) : dict
            return Column(.text(codes: pick(codes, 0), dictionary: safe), validity: validity)
        }
    }

    /// A column of `count` nulls of the given scalar type.
    public static func nulls(_ type: DataType, count: Int) -> Column {
        let none = Bitmap(count: count, value: false)
        switch type {
        case .decimal: return Column(.decimal(Array(repeating: 0, count: count)), validity: none)
        case .bool: return Column(.bool(Array(repeating: false, count: count)), validity: none)
        case .date: return Column(.date(Array(repeating: 0, count: count)), validity: none)
        case .text: return Column(.text(codes: Array(repeating: 0, count: count), dictionary: StringDictionary([""])), validity: none)
        default: return Column(.int(Array(repeating: 0, count: count)), validity: none)
        }
    }

    /// Builds a column from values of one scalar type (slow path: literals, tests, small results).
    public static func from(_ values: [Value], type: DataType) -> Column {
        var bits = Bitmap(count: values.count, value: true)
        for (i, v) in values.enumerated() where v.isNull { bits[i] = false }
        switch type {
        case .decimal:
            return Column(.decimal(values.map { $0.asDouble ?? 0 }), validity: bits)
        case .bool:
            return Column(.bool(values.map { if case .bool(let b) = $0 { return b } else { return false } }), validity: bits)
        case .date:
            return Column(.date(values.map { if case .date(let d) = $0 { return d.number } else { return 0 } }), validity: bits)
        case .text:
            var builder = StringDictionary.Builder()
            let codes = values.map { v -> Int32 in
                if case .text(let s) = v { return builder.code(for: s) } else { return builder.code(for: "") }
            }
            return Column(.text(codes: codes, dictionary: builder.dictionary), validity: bits)
        default:
            return Column(.int(values.map { if case .int(let i) = $0 { return i } else { return 0 } }), validity: bits)
        }
    }
}

/// A packed bit per row: set means the cell holds a value.
public struct Bitmap: Sendable, Equatable {
    /// The bits, 64 to a word, lowest bit first.
    public private(set) var words: [UInt64]
    /// How many bits are in use.
    public let count: Int

    /// `count` bits, all set or all clear.
    public init(count: Int, value: Bool) {
        self.count = count
        words = Array(repeating: value ? ~0 : 0, count: (count + 63) / 64)
        if value, count % 64 != 0, !words.isEmpty { words[words.count - 1] = (1 << UInt64(count % 64)) - 1 }
    }

    @inline(__always) public subscript(i: Int) -> Bool {
        get { words[i >> 6] & (1 << UInt64(i & 63)) != 0 }
        set {
            if newValue { words[i >> 6] |= 1 << UInt64(i & 63) } else { words[i >> 6] &= ~(1 << UInt64(i & 63)) }
        }
    }

    /// Whether every bit is set (no nulls).
    public var allSet: Bool { setCount == count }
    /// How many bits are set.
    public var setCount: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }

    /// Bits set in both (nil stands for all set).
    public static func and(_ a: Bitmap?, _ b: Bitmap?) -> Bitmap? {
        guard let a else { return b }
        guard let b else { return a }
        var r = a
        for i in r.words.indices { r.words[i] &= b.words[i] }
        return r
    }
}

/// The distinct strings of a text column; a cell holds the index of its string here.
public struct StringDictionary: Sendable {
    /// The distinct strings; a cell holds an index into this array.
    public let strings: [String]
    /// What queries work out from every string (folded forms, collation ranks), kept the first
    /// time one needs it and shared by every copy of the dictionary: a table's column and every
    /// column gathered from it.
    let derived = DictionaryDerivations()
    /// A dictionary of these strings, in this order.
    public init(_ strings: [String]) { self.strings = strings }

    /// Each string folded for search (`foldForSearch`), end to end in one buffer.
    package var folded: FoldedStrings { derived.folded(strings) }
    /// Each string's place in Vietnamese alphabetical order.
    package var collationRanks: [Int32] { derived.collationRanks(strings) }

    /// Code of a string, if present (a linear search: meant for a literal compared with a column).
    public func code(of s: String) -> Int32? {
        strings.firstIndex(of: s).map(Int32.init)
    }

    /// Builds a dictionary while assigning codes.
    public struct Builder {
        /// The strings coded so far, in order of their codes.
        public private(set) var strings: [String] = []
        private var codes: [String: Int32] = [:]
        /// An empty builder.
        public init() {}
        /// The code of a string, giving it the next code the first time it is seen.
        public mutating func code(for s: String) -> Int32 {
            if let c = codes[s] { return c }
            let c = Int32(strings.count)
            codes[s] = c
            strings.append(s)
            return c
        }
        /// The dictionary built so far.
        public var dictionary: StringDictionary { StringDictionary(strings) }
    }
}
