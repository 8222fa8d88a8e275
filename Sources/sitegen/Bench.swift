import ArgumentParser
import Diagnostics
import Experiments
import Foundation
import Site

extension SitegenCommand {
    /// `sitegen bench`: times every experiment block of the site on its own (no cache), and reports
    /// its floating-point work and throughput against this machine's FP32 peak.
    struct Bench: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "bench",
            abstract: "Time each experiment of the site (no cache) and report GFLOP/s against the FP32 peak."
        )

        @OptionGroup var options: SiteOptions

        @Option(help: "Repetitions per experiment (at least 1); the fastest is reported.")
        var repetitions: Int = 1

        func validate() throws {
            if repetitions < 1 {
                throw ValidationError("--repetitions must be at least 1 (each experiment runs that many times and the fastest is reported), not \(repetitions)")
            }
        }

        func run() throws {
            let paths = options.paths
            let content: SiteContent
            do {
                content = try ContentLoader(paths: paths, includeDrafts: options.drafts).load()
            } catch {
                Terminal.report(error)
                throw ExitCode.failure
            }
            let uncached = BuildOptions(includeDrafts: options.drafts, noCache: true)
            let context = BuildContext(paths: paths, options: uncached, site: content.config)
            let peak = MachinePeak.current()
            print("experiment                     runs  wall (s)   GFLOP  GFLOP/s  % of FP32 peak  CPU (s)  % of busy-core peak")
            var totalWall = 0.0, totalCPU = 0.0, totalFlop = 0.0
            for module in content.modules {
                for lesson in module.lessons {
                    let specs: [ExperimentSpec]
                    do {
                        specs = try LessonExperiments.specs(of: lesson, in: context)
                    } catch {
                        Terminal.report(error)
                        throw ExitCode.failure
                    }
                    for spec in specs {
                        var best = Double.infinity, bestCPU = Double.infinity
                        var results: [String: ExperimentResult] = [:]
                        for _ in 0..<repetitions {
                            let start = DispatchTime.now().uptimeNanoseconds, startCPU = processCPUSeconds()
                            do { results = try LessonExperiments.run([spec], cache: nil, options: uncached) } catch {
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
                        print(row(spec.id, runs: spec.computedRunCount, wall: best, cpu: bestCPU, flop: flop, peak: peak))
                        if case .landscape = spec.body {
                            // A landscape's figure is work too: the objective on the grid and the contour lines.
                            let start = DispatchTime.now().uptimeNanoseconds, startCPU = processCPUSeconds()
                            _ = try? ExperimentFigure.render(spec, results: results, specs: [spec.id: spec])
                            let wall = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, cpu = processCPUSeconds() - startCPU
                            totalWall += wall
                            totalCPU += cpu
                            print(row("\(spec.id) (figure)", runs: 0, wall: wall, cpu: cpu, flop: 0, peak: peak))
                        }
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

private extension String {
    func leftPad(_ width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}
