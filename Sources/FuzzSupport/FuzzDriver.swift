import CLibFuzzer
import Foundation

/// Runs libFuzzer's loop with the process's command-line options (a corpus folder,
/// `-max_total_time=…`, …), calling `testOneInput` for each input, and exits with its status.
///
/// SwiftPM links an executable's `main` to its module's top-level code, so libFuzzer's own `main`
/// never runs: each target's top-level code calls this instead. Each target still defines
/// `LLVMFuzzerTestOneInput`, which the fuzzer runtime's `main` refers to.
public func runFuzzer(_ testOneInput: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Never {
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    exit(LLVMFuzzerRunDriver(&argc, &argv, testOneInput))
}
