import Diagnostics
import Foundation
import Hashing
import NumericCore

/// Executes experiment blocks: cached results are reused; everything else is split into jobs (one per
/// training run, one per trace or schedule block) that run in parallel on every core, with a progress
/// line. A run whose loss stops being finite is recorded as diverged, not raised.
public struct ExperimentRunner: Sendable {
    public let cache: ResultCache?
    public let useCache: Bool
    public let showProgress: Bool

    public init(cache: ResultCache?, useCache: Bool = true, showProgress: Bool = false) {
        self.cache = cache
        self.useCache = useCache
        self.showProgress = showProgress
    }

    /// The cache key of a block: its normalised computation and the numeric core's version.
    public static func cacheKey(_ spec: ExperimentSpec) -> String {
        ContentHash.hex("core \(NumericCore.version)\n" + spec.cacheKeyMaterial)
    }

    /// Results by block id; problems (data that cannot be made, a run that fails) as diagnostics at their blocks.
    public func run(_ specs: [ExperimentSpec]) throws(DiagnosticList) -> [String: ExperimentResult] {
        var results: [String: ExperimentResult] = [:]
        var pending: [ExperimentSpec] = []
        for spec in specs {
            if useCache, let cached = cache?.load(key: Self.cacheKey(spec)) {
                results[spec.id] = cached
            } else {
                pending.append(spec)
            }
        }
        var problems: [Diagnostic] = []

        // One job per training run (each sweep point and seed its own) and one per trace, schedule or landscape block.
        var jobs: [Job] = []
        var prepared: [Int: PreparedData] = [:]
        for (b, spec) in pending.enumerated() {
            switch spec.body {
            case .train(let train):
                do {
                    prepared[b] = try PreparedData.make(train.data)
                } catch {
                    problems.append(.error(at: spec.location, "cannot make the data set: \(error)"))
                    continue
                }
                let seeds: [Int?] = train.seeds.map { Array($0.indices) } ?? [nil]
                let points = spec.sweep?.bodies.map(\.trainRunCount) ?? [train.runs.count]
                for (point, runCount) in points.enumerated() {
                    jobs += (0..<runCount).flatMap { r in seeds.map { Job(block: b, point: point, run: r, seed: $0) } }
                }
            case .trace, .schedule, .landscape:
                jobs.append(Job(block: b, point: 0, run: nil, seed: nil))
            }
        }
        if !problems.isEmpty { throw DiagnosticList(problems) }

        let progress = ProgressLine(total: jobs.count, enabled: showProgress)
        let outcomes = JobOutcomes(count: jobs.count)
        let data = prepared
        let blocks = pending
        let jobList = jobs
        // One task per training (jobs training the same run share one), the longest first, so that both
        // cores finish together instead of one training the last long run while the other idles.
        let tasks = Self.tasks(jobList, blocks: blocks)
        DispatchQueue.concurrentPerform(iterations: tasks.count) { t in
            let members = tasks[t].jobs
            if members.count > 1, let shared = Self.runShared(members.map { jobList[$0] }, blocks: blocks, data: data) {
                for (index, runs) in zip(members, shared) { outcomes.set(index, .success(runs)); progress.advance() }
                return
            }
            for index in members {
                outcomes.set(index, Self.run(jobList[index], blocks: blocks, data: data))
                progress.advance()
            }
        }
        progress.finish(cached: results.count)

        var runsByBlock: [Int: [RunResult]] = [:]
        var runsBySeed: [Int: [Int: [RunResult]]] = [:]   // block → seed index → runs
        for (index, job) in jobList.enumerated() {
            switch outcomes.get(index) {
            case .success(let runs)?:
                if let seed = job.seed { runsBySeed[job.block, default: [:]][seed, default: []] += runs }
                else { runsByBlock[job.block, default: []] += runs }
            case .failure(let error)?: problems.append(.error(at: error.location ?? blocks[job.block].location, error.message))
            case nil: problems.append(.error(at: blocks[job.block].location, "the experiment did not finish"))
            }
        }
        // A run that fails the same way at every seed or sweep point (an `lr_lambda` undefined at a step) is one error.
        var reported = Set<String>()
        problems = problems.filter { reported.insert($0.description).inserted }
        if !problems.isEmpty { throw DiagnosticList(problems) }
        for (b, spec) in blocks.enumerated() {
            var result = ExperimentResult(id: spec.id, axis: Self.axis(spec), positions: Self.positions(spec),
                                          runs: runsByBlock[b] ?? [], sweep: spec.sweep?.grid)
            if case .train(let train) = spec.body, let seeds = train.seeds {
                result = SeedAggregate.result(id: spec.id, positions: result.positions, seeds: seeds,
                                              perSeed: seeds.indices.map { runsBySeed[b]?[$0] ?? [] }, sweep: spec.sweep?.grid)
            }
            cache?.store(result, key: Self.cacheKey(spec))
            results[spec.id] = result
        }
        return results
    }

    static func axis(_ spec: ExperimentSpec) -> String {
        if case .train = spec.body { return "epoch" }
        return "step"
    }

    static func positions(_ spec: ExperimentSpec) -> [Int] {
        switch spec.body {
        case .train(let t): return Array(1...max(1, t.training.epochs))
        case .trace(let t): return Array(1...max(1, t.stepCount))
        case .schedule(let s): return s.steps.values
        case .landscape(let l): return Array(0...l.steps)
        }
    }
}

/// Results written by concurrent jobs, one slot each.
private final class JobOutcomes: @unchecked Sendable {
    private var slots: [Result<[RunResult], RunError>?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Result<[RunResult], RunError>) {
        lock.lock(); slots[index] = value; lock.unlock()
    }

    func get(_ index: Int) -> Result<[RunResult], RunError>? {
        lock.lock(); defer { lock.unlock() }
        return slots[index]
    }
}
