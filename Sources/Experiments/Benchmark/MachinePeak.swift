import Foundation

/// This machine's FP32 peak: cores × clock × FLOP per cycle, 32 with AVX2 + FMA (two 8-wide FMA units) and 64
/// where the CPU has AVX-512 (two 16-wide units; the wide kernel of `SequentialGEMM` uses them there).
public struct MachinePeak: Sendable {
    public var cores: Int
    public var gigahertz: Double
    public var flopsPerCycle: Int

    public init(cores: Int, gigahertz: Double, flopsPerCycle: Int = 32) {
        self.cores = cores
        self.gigahertz = gigahertz
        self.flopsPerCycle = flopsPerCycle
    }

    public var flops: Double { Double(cores) * gigahertz * 1e9 * Double(flopsPerCycle) }
    public var description: String {
        "\(cores) cores × \(String(format: "%.3f", gigahertz)) GHz × \(flopsPerCycle) FLOP/cycle = \(String(format: "%.1f", flops / 1e9)) GFLOP/s"
    }

    /// Cores from the OS, clock and vector width from /proc/cpuinfo (2 GHz and AVX2 when it cannot be read).
    public static func current() -> MachinePeak {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else {
            return MachinePeak(cores: cores, gigahertz: 2.0)
        }
        return MachinePeak(cores: cores, cpuinfo: text)
    }

    /// From the text of /proc/cpuinfo: the first `cpu MHz` line, and 64 FLOP per cycle when the first `flags` line
    /// names `avx512f`.
    init(cores: Int, cpuinfo text: String) {
        let lines = text.split(separator: "\n")
        func value(_ key: String) -> Substring? {
            lines.first(where: { $0.hasPrefix(key) })?.split(separator: ":", maxSplits: 1).last
        }
        let megahertz = value("cpu MHz").flatMap { Double($0.trimmingCharacters(in: .whitespaces)) }
        let wide = value("flags")?.split(separator: " ").contains("avx512f") ?? false
        self.init(cores: cores, gigahertz: (megahertz ?? 2000) / 1000, flopsPerCycle: wide ? 64 : 32)
    }
}
