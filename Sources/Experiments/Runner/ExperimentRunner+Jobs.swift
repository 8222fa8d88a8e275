import NumericCore

/// The jobs of a build's experiments, how they are grouped into tasks and ordered, and how one is run.
extension ExperimentRunner {
    /// One unit of work: a training run of a block (at a sweep point, for one of its seeds), or a whole trace,
    /// schedule or landscape block. A sweep with seeds has a job per point, run and seed.
    struct Job {
        /// Index into the pending blocks.
        let block: Int
        /// The sweep point (0 outside sweeps).
        let point: Int
        /// The run's index in the block (or sweep point), nil for a whole block.
        let run: Int?
        /// Index into the block's seeds, nil without seeds.
        let seed: Int?
    }

    /// What the workers take one at a time: jobs that train the same run (`SharedTraining`), trained once.
    struct Task {
        var jobs: [Int]
        /// Floating-point operations of one training (`FlopCount`), 0 for trace, schedule and landscape blocks.
        var cost: Double
    }

    /// The jobs as tasks, the costliest first (longest processing time first: on 2 cores the long
    /// classification runs no longer start last); equal costs keep the jobs' order.
    static func tasks(_ jobs: [Job], blocks: [ExperimentSpec]) -> [Task] {
        var tasks: [Task] = []
        var byTraining: [SharedTraining: Int] = [:]
        for (index, job) in jobs.enumerated() {
            guard let (spec, run) = training(job, blocks: blocks) else {
                tasks.append(Task(jobs: [index], cost: 0))
                continue
            }
            let key = SharedTraining(spec: spec, run: run)
            if let key, let t = byTraining[key] {
                tasks[t].jobs.append(index)
                continue
            }
            if let key { byTraining[key] = tasks.count }
            tasks.append(Task(jobs: [index], cost: FlopCount.estimate(spec, run: run)))
        }
        let order = tasks.indices.sorted { tasks[$0].cost > tasks[$1].cost || (tasks[$0].cost == tasks[$1].cost && $0 < $1) }
        return order.map { tasks[$0] }
    }

    /// The block's settings for a training job (its sweep point's, with its seed in `model.seed`) and its run;
    /// nil for a trace, schedule or landscape block.
    static func training(_ job: Job, blocks: [ExperimentSpec]) -> (spec: TrainSpec, run: TrainRun)? {
        let spec = blocks[job.block]
        guard case .train(let blockTrain) = spec.body, let r = job.run else { return nil }
        var train = blockTrain
        if let sweep = spec.sweep, case .train(let point)? = sweep.bodies.indices.contains(job.point) ? sweep.bodies[job.point] : nil {
            train = point
        }
        // The run from the repetition too: a run with a model of its own takes the seed in that model.
        let repetition = job.seed.flatMap { i in train.seeds.map { train.repetition(seed: $0[i]) } } ?? train
        guard repetition.runs.indices.contains(r) else { return nil }
        return (repetition, repetition.runs[r])
    }

    /// One job's runs.
    static func run(_ job: Job, blocks: [ExperimentSpec], data: [Int: PreparedData]) -> Result<[RunResult], RunError> {
        let spec = blocks[job.block]
        do throws(RunError) {
            switch spec.body {
            case .train:
                guard let prepared = data[job.block], let (train, trainRun) = training(job, blocks: blocks) else {
                    throw RunError("internal: no data")
                }
                var run = try TrainRunner(spec: train, data: prepared).run(trainRun)
                if spec.sweep != nil { run.point = job.point }
                return .success([run])
            case .trace(let trace):
                return .success(try TraceRunner(spec: trace).run())
            case .schedule(let schedule):
                return .success(try ScheduleRunner(spec: schedule).run())
            case .landscape(let landscape):
                return .success(try LandscapeRunner(spec: landscape).run())
            }
        } catch {
            return .failure(error)
        }
    }

    /// Jobs of one `SharedTraining` trained once, recording every metric any of them records; each job's runs
    /// in order. Nil if that run fails: then each job runs on its own, so that its error names its own run.
    static func runShared(_ jobs: [Job], blocks: [ExperimentSpec], data: [Int: PreparedData]) -> [[RunResult]]? {
        let trainings = jobs.compactMap { training($0, blocks: blocks) }
        guard trainings.count == jobs.count, let first = trainings.first, let prepared = data[jobs[0].block] else { return nil }
        let spec = SharedTraining.recordingEveryMetric(first.spec, of: trainings.dropFirst().map(\.spec))
        guard let shared = try? TrainRunner(spec: spec, data: prepared).run(first.run) else { return nil }
        return zip(jobs, trainings).map { job, training in
            [SharedTraining.result(shared, as: training.run, of: training.spec,
                                   point: blocks[job.block].sweep != nil ? job.point : nil)]
        }
    }
}
