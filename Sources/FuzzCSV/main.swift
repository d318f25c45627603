import CoopQL
import FuzzSupport

runFuzzer(fuzzOneInput)

/// One input, run once (see `FuzzHarness`).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    FuzzHarness.load(bytes, format: .csv)
    return 0
}
