/// Runs the lesson's training loop — per epoch: for each minibatch in the given order, zero_grad, forward,
/// loss, backward, optimiser step (then a per-batch scheduler step); after the epoch, the per-epoch or
/// plateau scheduler step and the requested evaluations.
///
/// Batches are gathered into preallocated buffers and the model reuses its activation buffers, so the step
/// loop does not allocate. A NaN or infinite minibatch loss stops the run and is reported in the result.
public struct Trainer: Sendable {
    public var model: MLP
    public var optimizer: any Optimizer
    public var schedule: Schedule
    public let loss: Loss
    public let batchSize: Int
    /// How many minibatch losses to keep in `TrainingResult.stepLosses` (from the first step on).
    public var recordedStepLosses = 0
    /// `clip_grad_norm_` / `clip_grad_value_` between each backward pass and optimiser step (nil: none).
    public var gradientClipping: GradientClipping?

    /// Which figures to compute after every epoch, and in which mode: `.eval` (torch's `model.eval()` before
    /// evaluating, the default) or `.train` (evaluating without it: dropout draws masks from the generator and
    /// batch norm normalises with, and updates, the full set's statistics). The training set is evaluated
    /// first, then the validation set (when given), then the test set, one forward pass each.
    public struct Evaluation: Sendable {
        public var trainLoss: Bool
        public var testLoss: Bool
        public var trainPredictions: Bool
        public var testPredictions: Bool
        public var validationLoss = false
        public var validationPredictions = false
        public var mode: Mode
        /// Rows per evaluation batch (a DataLoader over the set without shuffling); nil: each set in one pass.
        /// In train mode every batch is normalised with its own statistics, and updates the running ones.
        public var batchSize: Int?

        public init(trainLoss: Bool = false, testLoss: Bool = false, trainPredictions: Bool = false,
                    testPredictions: Bool = false, mode: Mode = .eval, batchSize: Int? = nil) {
            self.trainLoss = trainLoss
            self.testLoss = testLoss
            self.trainPredictions = trainPredictions
            self.testPredictions = testPredictions
            self.mode = mode
            self.batchSize = batchSize
        }
    }

    /// A trainer; the schedule's initial lr (and momentum / beta1) is written into the optimiser at once, as
    /// constructing a torch scheduler does.
    public init(model: MLP, optimizer: any Optimizer, loss: Loss, schedule: Schedule = .none,
                batchSize: Int = 64) {
        self.model = model
        self.optimizer = optimizer
        self.loss = loss
        self.schedule = schedule
        self.batchSize = max(batchSize, 1)
        applySchedule()
    }

    private mutating func applySchedule() {
        switch schedule {
        case .none: break
        case let .perBatch(s), let .perEpoch(s): s.apply(to: &optimizer)
        case let .plateau(p, _): optimizer.lr = p.lr
        }
    }

    /// Trains for `epochs` epochs on `trainX` [n, in] / `trainY` (n · outputs values). `order(e)` gives the
    /// row permutation of epoch e (0-based), e.g. torch's DataLoader order. `onEpoch` sees each epoch's
    /// result and the model after it (for metrics such as accuracy or weight norms). `validation` is a held-out
    /// set evaluated like the test set (and what a plateau schedule on `.validationLoss` watches).
    public mutating func fit(trainX: Tensor, trainY: Tensor, test: (x: Tensor, y: Tensor)? = nil,
                             validation: (x: Tensor, y: Tensor)? = nil, epochs: Int,
                             evaluation: Evaluation = Evaluation(), order: (Int) -> [Int],
                             onEpoch: ((EpochResult, MLP) -> Void)? = nil) throws(TrainingError) -> TrainingResult {
        try fit(trainX: trainX, trainY: trainY, sets: HeldOut(test: test, validation: validation), epochs: epochs,
                evaluation: evaluation, nextOrder: { epoch, _ in order(epoch) }, ordersArePermutations: false,
                onEpoch: onEpoch)
    }

    /// Trains with torch's DataLoader order: each epoch's permutation is drawn from the model's `generator`
    /// (torch's global generator) when the epoch starts, after whatever dropout drew in the epoch before.
    public mutating func fit(trainX: Tensor, trainY: Tensor, test: (x: Tensor, y: Tensor)? = nil,
                             validation: (x: Tensor, y: Tensor)? = nil, epochs: Int,
                             evaluation: Evaluation = Evaluation(), loader: ShuffledBatches,
                             onEpoch: ((EpochResult, MLP) -> Void)? = nil) throws(TrainingError) -> TrainingResult {
        try fit(trainX: trainX, trainY: trainY, sets: HeldOut(test: test, validation: validation), epochs: epochs,
                evaluation: evaluation, nextOrder: { _, generator in loader.epochOrder(using: &generator) },
                ordersArePermutations: loader.count == trainX.rows, onEpoch: onEpoch)
    }

    /// The held-out sets a fit evaluates after each epoch.
    fileprivate struct HeldOut {
        var test: (x: Tensor, y: Tensor)?
        var validation: (x: Tensor, y: Tensor)?
    }

    private mutating func fit(trainX: Tensor, trainY: Tensor, sets: HeldOut, epochs: Int,
                              evaluation: Evaluation, nextOrder: (Int, inout TorchGenerator) -> [Int],
                              ordersArePermutations: Bool, onEpoch: ((EpochResult, MLP) -> Void)?) throws(TrainingError) -> TrainingResult {
        let (n, fin, fout) = (trainX.rows, model.inputWidth, loss.targetWidth(outputs: model.outputWidth))
        try checkShapes(trainX, trainY, sets, evaluation)
        var result = TrainingResult()
        // A batch is at most the whole train set (torch's DataLoader with batch_size > n gives one batch),
        // so batch_size: 10¹⁵ allocates n rows, not 10¹⁵ (nor traps multiplying it by the width).
        let batchRows = min(batchSize, n)
        var xb = [Float](repeating: 0, count: batchRows * fin)
        var yb = [Float](repeating: 0, count: batchRows * fout)
        var seen = [Bool](repeating: false, count: n)
        var globalStep = 0
        // A per-batch scheduler is stepped in place (one owner, so no copy per step) and put back at the end.
        var batchScheduler: (any LRScheduler)?
        if case let .perBatch(s) = schedule {
            batchScheduler = s
            schedule = .none
        }
        defer { if let batchScheduler { schedule = .perBatch(batchScheduler) } }
        for epoch in 0..<epochs {
            let rows = nextOrder(epoch, &model.generator)
            // A loader's order over the n rows is a permutation by construction (randperm); a caller's is checked.
            if !ordersArePermutations { try Self.validate(rows, n: n, epoch: epoch, seen: &seen) }
            let epochLR = optimizer.lr
            var start = 0, stepInEpoch = 0
            while start < n {
                let count = min(batchSize, n - start)
                Self.gather(rows, start: start, count: count, x: trainX, y: trainY, fin: fin, fout: fout,
                            xb: &xb, yb: &yb)
                let batchLoss = xb.withUnsafeBufferPointer { xp in
                    yb.withUnsafeBufferPointer { yp in
                        model.trainStep(x: xp.baseAddress!, y: yp.baseAddress!, rows: count, loss: loss)
                    }
                }
                globalStep += 1
                stepInEpoch += 1
                if result.stepLosses.count < recordedStepLosses { result.stepLosses.append(batchLoss) }
                guard batchLoss.isFinite else {
                    result.divergence = Divergence(epoch: epoch + 1, step: stepInEpoch, globalStep: globalStep,
                                                   loss: batchLoss)
                    return result
                }
                if let gradientClipping {
                    let tensors = model.parameterRanges
                    gradientClipping.apply(to: &model.gradients, tensors: tensors)
                }
                do {
                    let gradients = model.gradients
                    try optimizer.step(parameters: &model.parameters, gradients: gradients)
                } catch { throw .optimizer(error) }
                if batchScheduler != nil {
                    do { try batchScheduler?.step() } catch { throw .scheduler(error) }
                    batchScheduler?.apply(to: &optimizer)
                }
                start += count
            }
            let record = evaluate(epoch: epoch, lr: epochLR, trainX: trainX, trainY: trainY, sets: sets,
                                  evaluation: evaluation)
            try stepEpochSchedule(record)
            result.epochs.append(record)
            onEpoch?(record, model)
        }
        return result
    }

    private mutating func stepEpochSchedule(_ record: EpochResult) throws(TrainingError) {
        switch schedule {
        case .none, .perBatch: break
        case var .perEpoch(s):
            do { try s.step() } catch { throw .scheduler(error) }
            s.apply(to: &optimizer)
            schedule = .perEpoch(s)
        case .plateau(var p, let metric):
            let value = switch metric {
            case .testLoss: record.testLoss
            case .trainLoss: record.trainLoss
            case .validationLoss: record.validationLoss
            }
            p.step(metric: Double(value ?? .nan))
            optimizer.lr = p.lr
            schedule = .plateau(p, metric: metric)
        }
    }

    private mutating func evaluate(epoch: Int, lr: Double, trainX: Tensor, trainY: Tensor,
                                   sets: HeldOut, evaluation: Evaluation) -> EpochResult {
        var plateauOn: Schedule.PlateauMetric?
        if case let .plateau(_, metric) = schedule { plateauOn = metric }
        var record = EpochResult(epoch: epoch + 1, lr: lr)
        if evaluation.trainLoss || evaluation.trainPredictions || plateauOn == .trainLoss {
            let (value, predictions) = pass(trainX, trainY, evaluation.mode, batchSize: evaluation.batchSize, keep: evaluation.trainPredictions)
            record.trainLoss = value
            record.trainPredictions = predictions
        }
        if let validation = sets.validation,
           evaluation.validationLoss || evaluation.validationPredictions || plateauOn == .validationLoss {
            let (value, predictions) = pass(validation.x, validation.y, evaluation.mode, batchSize: evaluation.batchSize,
                                            keep: evaluation.validationPredictions)
            record.validationLoss = value
            record.validationPredictions = predictions
        }
        if let test = sets.test, evaluation.testLoss || evaluation.testPredictions || plateauOn == .testLoss {
            let (value, predictions) = pass(test.x, test.y, evaluation.mode, batchSize: evaluation.batchSize, keep: evaluation.testPredictions)
            record.testLoss = value
            record.testPredictions = predictions
        }
        return record
    }

    /// One forward pass over a whole set, or one per batch of `batchSize` rows in order: the set's mean loss
    /// (with batches, Σ batch loss × batch rows / rows, summed in binary64 as a Python loop over `loss.item()`
    /// does), and its outputs if `keep`.
    private mutating func pass(_ x: Tensor, _ y: Tensor, _ mode: Mode, batchSize: Int?, keep: Bool) -> (Float, Tensor?) {
        let rows = x.rows, batch = min(batchSize ?? rows, rows)
        let (fin, fout) = (x.cols, y.scalars.count / max(rows, 1))
        var total = 0.0
        var outputs: [Float] = []
        if keep { outputs.reserveCapacity(rows * model.outputWidth) }
        var start = 0
        while start < rows {
            let count = min(batch, rows - start)
            let value = x.scalars.withUnsafeBufferPointer { xp in
                y.scalars.withUnsafeBufferPointer { yp in
                    model.evaluate(x: xp.baseAddress! + start * fin, y: yp.baseAddress! + start * fout, rows: count,
                                   loss: loss, mode: mode)
                }
            }
            if count == rows { return (value, keep ? model.output(rows: rows) : nil) }
            total += Double(value) * Double(count)
            if keep { outputs += model.output(rows: count).scalars }
            start += count
        }
        let predictions = keep ? Tensor(validatedRows: rows, cols: model.outputWidth, scalars: outputs) : nil
        return (Float(total / Double(rows)), predictions)
    }
}

private extension Trainer {
    func checkShapes(_ x: Tensor, _ y: Tensor, _ sets: HeldOut, _ evaluation: Evaluation) throws(TrainingError) {
        let (fin, fout) = (model.inputWidth, loss.targetWidth(outputs: model.outputWidth))
        guard x.cols == fin else { throw .shape("train X has \(x.cols) columns, the model takes \(fin)") }
        guard x.rows > 0 else { throw .shape("train X has no rows") }
        if let b = evaluation.batchSize, b < 1 { throw .shape("the evaluation batch size must be at least 1, got \(b)") }
        if !model.batchNorms.isEmpty, batchSize == 1 || x.rows % batchSize == 1 {
            throw .shape("a batch of 1 row reaches batch norm in training mode (\(x.rows) rows in batches of "
                + "\(batchSize)); torch refuses it: change batch_size")
        }
        guard y.scalars.count == x.rows * fout else {
            throw .shape("train Y has \(y.scalars.count) values for \(x.rows) rows × \(fout) outputs")
        }
        if !model.batchNorms.isEmpty, evaluation.mode == .train, evaluation.trainLoss || evaluation.trainPredictions,
           Self.leavesOneRow(x.rows, evaluation.batchSize) {
            throw .shape("batch norm in training mode needs at least 2 rows in every evaluation batch")
        }
        var needsTest = evaluation.testLoss || evaluation.testPredictions
        var needsValidation = evaluation.validationLoss || evaluation.validationPredictions
        if case .plateau(_, .testLoss) = schedule { needsTest = true }
        if case .plateau(_, .validationLoss) = schedule { needsValidation = true }
        try checkHeldOut(sets.test, "test", needed: needsTest, evaluation)
        try checkHeldOut(sets.validation, "validation", needed: needsValidation, evaluation)
    }

    /// A held-out set (`name`: test or validation) must fit the model when an evaluation needs it.
    func checkHeldOut(_ set: (x: Tensor, y: Tensor)?, _ name: String, needed: Bool,
                      _ evaluation: Evaluation) throws(TrainingError) {
        let (fin, fout) = (model.inputWidth, loss.targetWidth(outputs: model.outputWidth))
        guard let set else {
            if needed { throw .missingTestData("the requested \(name) evaluation") }
            return
        }
        guard set.x.cols == fin else { throw .shape("\(name) X has \(set.x.cols) columns, the model takes \(fin)") }
        guard set.x.rows > 0 else { throw .shape("\(name) X has no rows") }
        guard set.y.scalars.count == set.x.rows * fout else {
            throw .shape("\(name) Y has \(set.y.scalars.count) values for \(set.x.rows) rows × \(fout) outputs")
        }
        if !model.batchNorms.isEmpty, evaluation.mode == .train, needed, Self.leavesOneRow(set.x.rows, evaluation.batchSize) {
            throw .shape("batch norm in training mode needs at least 2 rows in every evaluation batch")
        }
    }

    /// True when `rows` rows in batches of `batchSize` (nil: one batch) leave a batch of a single row.
    static func leavesOneRow(_ rows: Int, _ batchSize: Int?) -> Bool {
        let b = min(batchSize ?? rows, rows)
        return b <= 1 || rows % b == 1
    }

    static func validate(_ rows: [Int], n: Int, epoch: Int, seen: inout [Bool]) throws(TrainingError) {
        guard rows.count == n else { throw .batchOrder(epoch: epoch, reason: "it has \(rows.count) indices for \(n) rows") }
        for i in 0..<n { seen[i] = false }
        for r in rows {
            guard r >= 0, r < n else { throw .batchOrder(epoch: epoch, reason: "index \(r) is outside 0..<\(n)") }
            guard !seen[r] else { throw .batchOrder(epoch: epoch, reason: "index \(r) appears twice") }
            seen[r] = true
        }
    }

    static func gather(_ rows: [Int], start: Int, count: Int, x: Tensor, y: Tensor, fin: Int, fout: Int,
                       xb: inout [Float], yb: inout [Float]) {
        x.scalars.withUnsafeBufferPointer { xs in
            y.scalars.withUnsafeBufferPointer { ys in
                xb.withUnsafeMutableBufferPointer { xd in
                    yb.withUnsafeMutableBufferPointer { yd in
                        let (x, y, xb, yb) = (xs.baseAddress!, ys.baseAddress!, xd.baseAddress!, yd.baseAddress!)
                        // Rows are below n and count at most the buffers' rows, so no offset can overflow.
                        for b in 0..<count {
                            let (from, to) = (rows[start &+ b] &* fin, b &* fin)
                            for c in 0..<fin { xb[to &+ c] = x[from &+ c] }
                            let (fromY, toY) = (rows[start &+ b] &* fout, b &* fout)
                            for c in 0..<fout { yb[toY &+ c] = y[fromY &+ c] }
                        }
                    }
                }
            }
        }
    }
}
