import Foundation

/// Runs another program (found on `PATH` through `/usr/bin/env`) to its end and collects what it
/// printed: `sitegen verify` runs Python scripts with it, `sitegen publish --branch` runs git.
/// Standard error goes to a file, so a chatty program never blocks on a full pipe while standard
/// output is read; standard input is the given bytes, or nothing (so no program waits on a terminal).
struct ExternalProcess {
    struct Result {
        var status: Int32
        var output: String
        var errors: String
    }

    /// Runs `arguments` in `folder`, with `environment` added to this process's; a program still
    /// running after `timeout` seconds is stopped.
    static func run(_ arguments: [String], in folder: String, input: Data? = nil, environment: [String: String] = [:],
                    timeout: TimeInterval? = nil) throws -> Result {
        let fm = FileManager.default
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, given in given }
        }
        let scratch = (NSTemporaryDirectory() as NSString).appendingPathComponent("sitegen-process-\(UUID().uuidString)")
        let errorFile = scratch + ".err", inputFile = scratch + ".in"
        defer { try? fm.removeItem(atPath: errorFile); try? fm.removeItem(atPath: inputFile) }
        guard fm.createFile(atPath: errorFile, contents: nil) else { throw CocoaError(.fileWriteUnknown) }
        if let input {
            guard fm.createFile(atPath: inputFile, contents: input) else { throw CocoaError(.fileWriteUnknown) }
            process.standardInput = FileHandle(forReadingAtPath: inputFile)
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle(forWritingAtPath: errorFile)
        try process.run()
        // A program that runs past the timeout is stopped; reading its output then ends.
        let watchdog = DispatchWorkItem { [process] in if process.isRunning { process.terminate() } }
        if let timeout { DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: watchdog) }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        watchdog.cancel()
        let errData = fm.contents(atPath: errorFile) ?? Data()
        return Result(status: process.terminationStatus, output: String(decoding: outData, as: UTF8.self),
                      errors: String(decoding: errData, as: UTF8.self))
    }
}
