import Foundation

/// This machine's FP32 peak: cores × clock × 32 FLOP per cycle (two 8-wide FMA units, AVX2 + FMA).
public struct MachinePeak: Sendable {
    public var cores: Int
    public var gigahertz: Double

    public init(cores: Int, gigahertz: Double) {
        self.cores = cores
        self.gigahertz = gigahertz
    }

    public var flops: Double { Double(cores) * gigahertz * 1e9 * 32 }
    public var description: String {
        "\(cores) cores × \(String(format: "%.3f", gigahertz)) GHz × 32 FLOP/cycle = \(String(format: "%.1f", flops / 1e9)) GFLOP/s"
    }

    /// Cores from the OS, clock from /proc/cpuinfo (2 GHz when it cannot be read).
    public static func current() -> MachinePeak {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        var ghz = 2.0
        if let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
           let line = text.split(separator: "\n").first(where: { $0.hasPrefix("cpu MHz") }),
           let value = line.split(separator: ":").last.flatMap({ Double($0.trimmingCharacters(in: .whitespaces)) }) {
            ghz = value / 1000
        }
        return MachinePeak(cores: cores, gigahertz: ghz)
    }
}
