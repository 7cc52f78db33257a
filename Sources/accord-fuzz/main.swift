import CLibFuzzer

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// accord-fuzz TARGET [libFuzzer options] [corpus folders]: runs one fuzz target under libFuzzer.
//
// The target is the first argument; it is kept in ACCORD_FUZZ_TARGET, so that the processes libFuzzer starts
// itself (-fork, -jobs, -merge), which get only libFuzzer's arguments, run the same target.

let environmentName = "ACCORD_FUZZ_TARGET"
var arguments = CommandLine.arguments
if arguments.count > 1, FuzzTarget.named(arguments[1]) != nil {
    setenv(environmentName, arguments[1], 1)
    arguments.remove(at: 1)
}
guard let name = getenv(environmentName).map({ String(cString: $0) }), FuzzTarget.named(name) != nil else {
    let targets = FuzzTarget.all.map { "  \($0.name.padding(toLength: 8, withPad: " ", startingAt: 0))\($0.summary)" }
    print(
        """
        usage: accord-fuzz TARGET [libFuzzer options] [corpus folders…]
        targets:
        \(targets.joined(separator: "\n"))
        e.g. accord-fuzz path /tmp/path-corpus Fuzz/Corpus/path -max_total_time=600
        """)
    exit(2)
}

#if ACCORD_LIBFUZZER
    // A failed precondition traps (SIGILL, or SIGTRAP on arm64). libFuzzer leaves a signal alone when a handler is
    // already installed, and Swift's backtracer installs one, so without this a crash would be reported by the
    // backtracer and the input that caused it would be lost; with the defaults back, libFuzzer saves it.
    for number in [SIGILL, SIGTRAP, SIGABRT, SIGSEGV, SIGBUS, SIGFPE] {
        _ = signal(number, SIG_DFL)
    }

    var count = Int32(arguments.count)
    var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
    let status = argv.withUnsafeMutableBufferPointer { buffer in
        var pointer = buffer.baseAddress
        return LLVMFuzzerRunDriver(&count, &pointer) { data, size in testOneInput(data, size) }
    }
    exit(status)
#else
    // Package.swift links libFuzzer on Linux only: Swift ships it there, and Xcode's toolchain does not.
    print("accord-fuzz: libFuzzer is linked on Linux only; run the fuzz targets there")
    exit(2)
#endif

/// Runs the selected target on one input. libFuzzer's own main, which `-sanitize=fuzzer` links in whole (and
/// which this file's top-level code replaces as the program's entry point), calls it by this C name.
@_cdecl("LLVMFuzzerTestOneInput")
func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    FuzzTarget.selected.run(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
}
