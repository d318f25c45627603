import CoopQLBase
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
import CoopQLBase
#endif

/// What every data file format (CSV, JSON, JSON Lines) shares: whole-file reads, the UTF-8 byte
/// order mark, and the table a file loads as, named after the file.
enum DataFiles {
    /// True when the bytes start with the UTF-8 byte order mark EF BB BF.
    static func hasByteOrderMark(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
    }

    /// The table a file loads as: its name without folder or extension, in NFC (macOS hands out
    /// decomposed file names, and "hợp_tác_xã" must match what a script types).
    static func tableName(forPath path: String) -> String {
        let file = path.split(separator: "/", omittingEmptySubsequences: true).last.map(String.init) ?? path
        var stem = file
        if let dot = file.lastIndex(of: "."), dot != file.startIndex { stem = String(file[..<dot]) }
        return stem.precomposedStringWithCanonicalMappingPortable
    }

    /// The whole file, read with POSIX calls straight into the array (no Data, no second copy).
    static func contents(of path: String) throws(Diagnostic) -> [UInt8] {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw failure("cannot open", path) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw failure("cannot read", path) }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            throw Diagnostic(.data, "`\(path)` is a folder, not a data file")
        }
        let size = Int(info.st_size)
        var readError: Int32 = 0
        var bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            initialized = 0
            guard let base = buffer.baseAddress else { return }
            while initialized < size {
                let got = read(fd, base + initialized, size - initialized)
                if got < 0 {
                    if errno == EINTR { continue }
                    readError = errno
                    return
                }
                if got == 0 { break }  // the file shrank while being read
                initialized += got
            }
        }
        if readError != 0 { throw failure("cannot read", path, code: readError) }
        // A file that reports size 0 may still have content (a pipe, /proc); read it in chunks.
        if size == 0 {
            var chunk = [UInt8](repeating: 0, count: 65_536)
            while true {
                let got = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                if got < 0 {
                    if errno == EINTR { continue }
                    throw failure("cannot read", path)
                }
                if got == 0 { break }
                bytes.append(contentsOf: chunk[0..<got])
            }
        }
        return lineFeedsForCarriageReturns(bytes)
    }

    /// A file whose lines end in CR alone (as old Mac programs, and some exports, write them) has
    /// its CRs read as LFs: otherwise the whole file would be one line, its header holding every
    /// row and the table none. A file with any LF is left as it is (CR LF is read as one break).
    static func lineFeedsForCarriageReturns(_ bytes: [UInt8]) -> [UInt8] {
        let cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        guard !bytes.contains(lf), bytes.contains(cr) else { return bytes }
        return bytes.map { $0 == cr ? lf : $0 }
    }

    private static func failure(_ what: String, _ path: String, code: Int32 = errno) -> Diagnostic {
        let reason = String(cString: strerror(code))
        return Diagnostic(.data, "\(what) `\(path)`: \(reason)")
    }
}
