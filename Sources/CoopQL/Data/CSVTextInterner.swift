/// Dictionary-encodes a text column keyed on raw bytes: a field whose bytes were seen before gets
/// its code from a hash lookup, and only a new byte string is validated, decoded and normalised.
///
/// Two different byte strings can be the same text (precomposed "hoà" and "hoa" + combining grave).
/// So a new string's NFC form is looked up as bytes too, and both spellings end up with one code:
/// the dictionary holds each NFC string once, in order of first appearance — what
/// `StringDictionary.Builder` would give, without hashing a `String` per distinct value.
struct CSVTextInterner {
    /// One slot of the hash table: a key (bytes in `arena`) and its code; code -1 marks it empty.
    /// Keys live in the slots themselves, not behind an index, so a lookup touches one slot and
    /// the key bytes: two memory reads where the next row's strings are rarely in cache.
    private struct Slot {
        var hash: UInt64 = 0
        var offset: Int = 0
        var length = 0
        var code: Int32 = -1
    }

    /// The distinct NFC strings; a code indexes this.
    private(set) var strings: [String] = []
    /// Open-addressing table, a power of two in size, kept at most half full.
    private var slots = [Slot](repeating: Slot(), count: 64)
    private var used = 0
    /// The key bytes of every slot, one after another.
    private var arena: [UInt8] = []

    /// The code of the text spelled by these bytes; nil when they are not valid UTF-8.
    @inline(__always)
    mutating func code(for p: UnsafePointer<UInt8>, count n: Int) -> Int32? {
        let h = CSVTextInterner.hash(p, n)
        if let code = find(p, n, h) { return code }
        return addNew(p, n, h)
    }

    /// The code of a string already in NFC (one from another part's dictionary), added if new.
    mutating func code(forNormalised text: String) -> Int32 {
        var copy = text
        return copy.withUTF8 { u in
            // An empty buffer may have no address; any pointer does for zero bytes.
            let p = u.baseAddress ?? UnsafePointer(bitPattern: 1)!
            let h = CSVTextInterner.hash(p, u.count)
            if let known = find(p, u.count, h) { return known }
            let code = Int32(strings.count)
            strings.append(text)
            insert(p, u.count, h, code)
            return code
        }
    }

    @inline(__always)
    private func find(_ p: UnsafePointer<UInt8>, _ n: Int, _ h: UInt64) -> Int32? {
        slots.withUnsafeBufferPointer { table in
            arena.withUnsafeBufferPointer { keys in
                let mask = table.count - 1
                var index = Int(truncatingIfNeeded: h) & mask
                while true {
                    let slot = table[index]
                    if slot.code < 0 { return nil }
                    if slot.hash == h && slot.length == n
                        && (n == 0 || CSVTextInterner.equal(keys.baseAddress! + slot.offset, p, n)) {
                        return slot.code
                    }
                    index = (index + 1) & mask
                }
            }
        }
    }

    private mutating func addNew(_ p: UnsafePointer<UInt8>, _ n: Int, _ h: UInt64) -> Int32? {
        let raw = UnsafeBufferPointer(start: p, count: n)
        guard let text = String(validating: raw, as: UTF8.self) else { return nil }
        // NFC, and tone marks placed as the built-in lists place them (`Hoà` → `Hòa`), once per
        // distinct value: every later row with the same bytes finds the code above.
        let nfc = text.normalizedVietnamese
        if nfc.utf8.elementsEqual(raw) {
            let code = Int32(strings.count)
            strings.append(nfc)
            insert(p, n, h, code)
            return code
        }
        // Not in NFC: the code is the NFC spelling's, which may be known already.
        var normal = nfc
        let code: Int32 = normal.withUTF8 { u in
            let q = u.baseAddress!
            let hn = CSVTextInterner.hash(q, u.count)
            if let known = find(q, u.count, hn) { return known }
            let fresh = Int32(strings.count)
            strings.append(nfc)
            insert(q, u.count, hn, fresh)
            return fresh
        }
        insert(p, n, h, code)
        return code
    }

    private mutating func insert(_ p: UnsafePointer<UInt8>, _ n: Int, _ h: UInt64, _ code: Int32) {
        // Grow at half full so probe runs stay short.
        if (used + 1) * 2 > slots.count { grow() }
        let offset = arena.count
        arena.append(contentsOf: UnsafeBufferPointer(start: p, count: n))
        CSVTextInterner.place(Slot(hash: h, offset: offset, length: n, code: code), in: &slots)
        used += 1
    }

    private static func place(_ slot: Slot, in table: inout [Slot]) {
        let mask = table.count - 1
        var index = Int(truncatingIfNeeded: slot.hash) & mask
        while table[index].code >= 0 { index = (index + 1) & mask }
        table[index] = slot
    }

    private mutating func grow() {
        var bigger = [Slot](repeating: Slot(), count: slots.count * 2)
        for slot in slots where slot.code >= 0 { CSVTextInterner.place(slot, in: &bigger) }
        slots = bigger
    }

    @inline(__always)
    private static func equal(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        var i = 0
        let ra = UnsafeRawPointer(a), rb = UnsafeRawPointer(b)
        while i + 8 <= n {
            if ra.loadUnaligned(fromByteOffset: i, as: UInt64.self) != rb.loadUnaligned(fromByteOffset: i, as: UInt64.self) {
                return false
            }
            i += 8
        }
        while i < n {
            if a[i] != b[i] { return false }
            i += 1
        }
        return true
    }

    /// A fast 64-bit hash of a byte string, eight bytes per step (multiply–xorshift mixing).
    @inline(__always)
    static func hash(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt64 {
        let raw = UnsafeRawPointer(p)
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(truncatingIfNeeded: n)
        var i = 0
        while i + 8 <= n {
            h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xBF58_476D_1CE4_E5B9
            h ^= h >> 29
            i += 8
        }
        if i < n {
            var tail: UInt64 = 0, shift: UInt64 = 0
            while i < n {
                tail |= UInt64(p[i]) << shift
                shift += 8
                i += 1
            }
            h = (h ^ tail) &* 0x94D0_49BB_1331_11EB
            h ^= h >> 31
        }
        h = (h ^ (h >> 32)) &* 0xD6E8_FEB8_6659_FD93
        return h ^ (h >> 32)
    }
}
