import FuzzTargets

/// libFuzzer's entry point (libFuzzer supplies main): built only with SITEGEN_FUZZ=1 and
/// --sanitize=fuzzer, see scripts/fuzz.sh and docs/fuzzing.md.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    _ = FuzzTargets.run("writer", bytes)
    return 0
}
