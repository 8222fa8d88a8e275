// swift-tools-version:6.0
import PackageDescription
import Foundation

/// The executable exports none of its symbols (on Linux, where the flag is the GNU and LLVM linkers'). swiftc links
/// executables with `-rdynamic`, which put 28 000 symbols in the dynamic table; the Swift runtime's start-up calls
/// `dladdr` on one of its own functions, which reads that table from one end to the other before `main`
/// (`sitegen --help`: 5.9–6.8 ms with it, 5.6–5.7 without). Nothing looks sitegen's symbols up by name; the full
/// symbol table (`.symtab`), which `perf` and debuggers read, stays.
let noExportedSymbols: LinkerSetting = .unsafeFlags(["-Xlinker", "--no-export-dynamic"], .when(platforms: [.linux]))

/// sitegen allocates with mimalloc (Debian's libmimalloc-dev) on Linux: a build makes and frees millions of small
/// strings, arrays and tree nodes on both cores, and glibc's allocator spent about 8 % of a cold build's instructions
/// on them (README, "Benchmarks"). Linked by the executable only, so its malloc and free replace
/// glibc's for the whole process, the Swift runtime's included; the libraries and tests use whatever the process has.
let fastAllocator: LinkerSetting = .linkedLibrary("mimalloc", .when(platforms: [.linux]))

/// The numeric core and the page pipeline run optimised even in `swift run sitegen` (a debug build):
/// the lesson's experiments train small MLPs for hundreds of epochs, and -Onone would make that
/// minutes; a 10 MB lesson would take a minute to typeset.
/// On x86-64 the core also targets Haswell (AVX2 + FMA): without it every exact fused multiply-add
/// the PyTorch parity needs becomes a libm call, about 50 times slower, with the same bits.
/// `-fno-math-errno` lets `squareRoot()` compile to the (correctly rounded) sqrt instruction instead of
/// a call guarded by an errno check, so `SIMD8<Float>.squareRoot()` in Adam is one `vsqrtps`, not eight
/// scalar square roots: same bits, Adam's step about twice as fast.
/// A debug build compiles these modules file by file; `-wmo` makes it whole-module, as release is, so
/// calls between files (Trainer → MLP → Linear → SequentialGEMM) can be inlined and generics specialised
/// (`-num-threads` keeps one object file per source, which SwiftPM's debug link and index expect). The cost:
/// no incremental compilation of these modules in debug. MathML also needs it for correctness: Swift 6.3.1 compiling
/// its byte parser `-O` file by file was seen to read an environment's name one byte early (`\begin{aligned}` →
/// "unknown environment {aligned"); whole-module and `-Onone` builds are right, and `GoldenOutputTests` would catch it.
let wholeModuleInDebug: SwiftSetting = .unsafeFlags(["-wmo", "-num-threads", "2"], .when(configuration: .debug))
#if arch(x86_64)
let optimised: [SwiftSetting] = [
    .unsafeFlags(["-O", "-enforce-exclusivity=unchecked", "-target-cpu", "haswell", "-Xcc", "-fno-math-errno"]),
    wholeModuleInDebug,
]
#else
let optimised: [SwiftSetting] = [
    .unsafeFlags(["-O", "-enforce-exclusivity=unchecked", "-Xcc", "-fno-math-errno"]),
    wholeModuleInDebug,
]
#endif

let package = Package(
    name: "sitegen",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "sitegen", targets: ["sitegen"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    ],
    targets: [
        // cmark-gfm and its GFM extensions, linked from the Debian packages.
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // renameat2(RENAME_EXCHANGE): swaps a finished build into public/ in one step.
        .target(name: "CFileSwap"),
        // Each target lists exactly the modules its files import.
        .target(name: "Diagnostics"),
        // The one HTML/XML escaper and the one FNV-1a hash, below every module that writes markup or hashes.
        .target(name: "Escaping", swiftSettings: optimised),
        .target(name: "Hashing", swiftSettings: optimised),
        // YAML text at a place in a file → typed values with located errors (experiment blocks, front matter, sitegen.yml).
        .target(name: "LocatedYAML", dependencies: ["Diagnostics", "Yams"]),
        .target(name: "Markdown", dependencies: ["CCmarkGFM", "Diagnostics", "Escaping"], swiftSettings: optimised),
        // BibTeX files → entries; reference lists and citation labels.
        .target(name: "Bibliography", dependencies: ["Diagnostics"]),
        // SequentialGEMM's blocks and Adam's step on AVX-512 registers, called only where the CPU has AVX-512F (checked at run
        // time; the Swift modules target Haswell). Optimised in debug too, like the numeric core.
        .target(name: "CWideFMA", cSettings: [.unsafeFlags(["-O3", "-ffp-contract=off"])]),
        .target(name: "NumericCore", dependencies: ["CWideFMA"], swiftSettings: optimised),
        .target(name: "SVGCharts", dependencies: ["Escaping", "Hashing"], swiftSettings: optimised),
        .target(name: "MathML", dependencies: ["Escaping", "Hashing"], swiftSettings: optimised),
        .target(name: "SyntaxHighlight", dependencies: ["Escaping"], swiftSettings: optimised),
        .target(
            name: "Experiments",
            dependencies: ["NumericCore", "SVGCharts", "Diagnostics", "Escaping", "Hashing", "LocatedYAML", "Yams"],
            swiftSettings: optimised
        ),
        .target(
            name: "Site",
            dependencies: [
                "Markdown", "Diagnostics", "Bibliography", "Escaping", "Hashing", "Experiments", "CFileSwap", "MathML", "SyntaxHighlight",
                "LocatedYAML", "Yams",
            ],
            swiftSettings: optimised
        ),
        // `sitegen serve`: HTTP server over the output folder, polling watcher, reload events.
        .target(
            name: "Preview",
            dependencies: ["Site", "Diagnostics", "Escaping", .product(name: "Hummingbird", package: "hummingbird")],
            swiftSettings: optimised
        ),
        // The code the fuzzers drive, also replayed over the kept corpus by FuzzRegressionTests.
        .target(name: "FuzzTargets", dependencies: ["Site", "Experiments", "Markdown", "MathML", "Diagnostics"]),
        .executableTarget(
            name: "sitegen",
            dependencies: [
                "Site", "Preview", "Experiments", "Diagnostics",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            linkerSettings: [noExportedSymbols, fastAllocator]
        ),

        // What several test targets share (test targets cannot import one another).
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "DiagnosticsTests", dependencies: ["Diagnostics"]),
        .testTarget(name: "EscapingTests", dependencies: ["Escaping", "TestSupport"]),
        .testTarget(name: "HashingTests", dependencies: ["Hashing"]),
        .testTarget(name: "LocatedYAMLTests", dependencies: ["LocatedYAML", "Diagnostics", "Yams"]),
        .testTarget(name: "MarkdownTests", dependencies: ["Markdown", "TestSupport"]),
        .testTarget(name: "BibliographyTests", dependencies: ["Bibliography", "Diagnostics"]),
        .testTarget(name: "NumericCoreTests", dependencies: ["NumericCore", "CWideFMA", "Hashing", "TestSupport"], resources: [.copy("Fixtures")]),
        .testTarget(name: "SVGChartsTests", dependencies: ["SVGCharts", "TestSupport"], resources: [.copy("Reference")]),
        .testTarget(name: "MathMLTests", dependencies: ["MathML", "Escaping"]),
        .testTarget(name: "SyntaxHighlightTests", dependencies: ["SyntaxHighlight", "Escaping"]),
        .testTarget(name: "ExperimentsTests", dependencies: ["Experiments", "Diagnostics", "TestSupport"], resources: [.copy("Fixtures")]),
        .testTarget(name: "SiteTests", dependencies: ["Site", "Diagnostics", "TestSupport"], resources: [.copy("Fixtures")]),
        .testTarget(name: "PreviewTests", dependencies: ["Preview", "Site", "Diagnostics", "TestSupport"]),
        .testTarget(name: "FuzzRegressionTests", dependencies: ["FuzzTargets"], resources: [.copy("Corpus")]),
    ]
)

// libFuzzer executables (no main of their own: libFuzzer's), only for `scripts/fuzz.sh`, which sets
// SITEGEN_FUZZ=1 and builds them with --sanitize=fuzzer into .build-fuzz/. See docs/fuzzing.md.
if ProcessInfo.processInfo.environment["SITEGEN_FUZZ"] == "1" {
    for name in ["spec", "lesson", "tex", "template", "writer"] {
        package.products.append(.executable(name: "fuzz-\(name)", targets: ["fuzz-\(name)"]))
        package.targets.append(.executableTarget(name: "fuzz-\(name)", dependencies: ["FuzzTargets"], path: "Sources/fuzz-\(name)"))
    }
}
