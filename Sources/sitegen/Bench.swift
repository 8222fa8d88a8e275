import ArgumentParser
import Diagnostics
import Experiments
import Foundation
import Markdown
import Site

extension SitegenCommand {
    /// `sitegen bench`: times every experiment block of the site on its own (no cache), and reports
    /// its floating-point work and throughput against this machine's FP32 peak.
    struct Bench: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Time each experiment of the site (no cache) and report GFLOP/s against the FP32 peak."
        )

        @OptionGroup var options: SiteOptions

        @Option(help: "Repetitions per experiment; the fastest is reported.")
        var repetitions: Int = 1

        func run() throws {
            let paths = options.paths
            let content: SiteContent
            do {
                content = try ContentLoader(paths: paths, includeDrafts: options.drafts).load()
            } catch {
                Terminal.report(error)
                throw ExitCode.failure
            }
            let peak = MachinePeak.current()
            print("experiment                     runs  wall (s)   GFLOP  GFLOP/s  % of FP32 peak  CPU (s)  % of busy-core peak")
            var totalWall = 0.0, totalCPU = 0.0, totalFlop = 0.0
            for module in content.modules {
                for lesson in module.lessons {
                    let specs: [ExperimentSpec]
                    do {
                        let blocks = try CmarkParser.parse(lesson.body, file: lesson.sourcePath, lineOffset: lesson.bodyLineOffset)
                        specs = try RunExperiments.specs(in: blocks).map(\.spec)
                    } catch let error as Diagnostic {
                        Terminal.report(DiagnosticList([error]))
                        throw ExitCode.failure
                    } catch let error as DiagnosticList {
                        Terminal.report(error)
                        throw ExitCode.failure
                    }
                    for spec in specs {
                        var best = Double.infinity, bestCPU = Double.infinity
                        for _ in 0..<max(1, repetitions) {
                            let start = DispatchTime.now().uptimeNanoseconds, startCPU = processCPUSeconds()
                            do { _ = try ExperimentRunner(cache: nil, useCache: false).run([spec]) } catch {
                                Terminal.report(error)
                                throw ExitCode.failure
                            }
                            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
                            bestCPU = min(bestCPU, processCPUSeconds() - startCPU)
                        }
                        let flop = FlopCount.estimate(spec)
                        totalWall += best
                        totalCPU += bestCPU
                        totalFlop += flop
                        print(row(spec.id, runs: spec.runLabels.count, wall: best, cpu: bestCPU, flop: flop, peak: peak))
                    }
                }
            }
            print(row("all (one after another)", runs: 0, wall: totalWall, cpu: totalCPU, flop: totalFlop, peak: peak))
            print("FP32 peak: \(peak.description)")
            print("% of FP32 peak = GFLOP / wall / peak (all cores); % of busy-core peak = GFLOP / CPU seconds / one core's")
            print("peak: the kernels' own efficiency, apart from how evenly the runs fill the cores.")
        }

        private func row(_ name: String, runs: Int, wall: Double, cpu: Double, flop: Double, peak: MachinePeak) -> String {
            let gflops = flop / wall / 1e9
            let padded = name.padding(toLength: 29, withPad: " ", startingAt: 0)
            let runText = runs > 0 ? String(runs) : ""
            let perCore = peak.flops / Double(peak.cores)
            return "\(padded) \(runText.leftPad(5)) \(String(format: "%9.3f", wall)) \(String(format: "%7.2f", flop / 1e9)) \(String(format: "%8.2f", gflops)) \(String(format: "%15.1f", 100 * flop / wall / peak.flops)) \(String(format: "%8.3f", cpu)) \(String(format: "%20.1f", 100 * flop / cpu / perCore))"
        }

        /// CPU time of this process so far, all threads (C `clock()`).
        private func processCPUSeconds() -> Double { Double(clock()) / Double(CLOCKS_PER_SEC) }
    }
}

/// Floating-point operations of an experiment, counted from its shapes: per training sample a forward
/// pass (2 FLOP per multiply-add) and a backward pass (4: input and weight gradients, except that the
/// first layer's input gradient is not computed, as in torch, whose input needs no gradient), plus the
/// per-epoch evaluation passes; bias, activation, loss and optimiser work is not counted.
enum FlopCount {
    static func estimate(_ spec: ExperimentSpec) -> Double {
        guard case .train(let train) = spec.body else { return 0 }
        let layers = train.model.layers
        let macs = Double(zip(layers, layers.dropFirst()).map { $0 * $1 }.reduce(0, +))
        let firstLayerMacs = Double(layers.count > 1 ? layers[0] * layers[1] : 0)
        let nTrain = Double(train.data.trainCount)
        let nTest = Double(train.data.dataset.sampleCount) - nTrain
        var perEpoch = (6 * macs - 2 * firstLayerMacs) * nTrain
        let metrics = Set(train.metrics)
        if metrics.contains(.trainLoss) || metrics.contains(.trainAccuracy) { perEpoch += 2 * macs * nTrain }
        if metrics.contains(.testLoss) || metrics.contains(.testMAE) || metrics.contains(.accuracy)
            || metrics.contains(.testAccuracy) { perEpoch += 2 * macs * nTest }
        return perEpoch * Double(train.training.epochs) * Double(train.runs.count)
    }
}

/// This machine's FP32 peak: cores × clock × 32 FLOP per cycle (two 8-wide FMA units, AVX2 + FMA).
struct MachinePeak {
    var cores: Int
    var gigahertz: Double

    var flops: Double { Double(cores) * gigahertz * 1e9 * 32 }
    var description: String {
        "\(cores) cores × \(String(format: "%.3f", gigahertz)) GHz × 32 FLOP/cycle = \(String(format: "%.1f", flops / 1e9)) GFLOP/s"
    }

    static func current() -> MachinePeak {
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

private extension String {
    func leftPad(_ width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}
