import Diagnostics
import Testing
@testable import Experiments
import TestSupport

@Suite struct SeedExperimentsTests {
    static let at = SourceLocation(file: "content/optimisers.md", line: 20, column: 1)

    static func parse(_ yaml: String) throws -> ExperimentSpec {
        do {
            return try ExperimentSpec.parse(yaml: yaml, at: at)
        } catch {
            Issue.record("unexpected diagnostics:\n\(error)")
            throw error
        }
    }

    @Test func everySeedBlockParses() throws {
        for yaml in SeedBlocks.all { _ = try Self.parse(yaml) }
    }

    @Test func sgdVariantsFillsDefaults() throws {
        let spec = try Self.parse(SeedBlocks.sgdVariants)
        #expect(spec.id == "sgd-variants")
        #expect(spec.kind == .train)
        #expect(spec.location == Self.at)
        #expect(spec.source == "scripts/lessons/optimisers/01_sgd_variants.py")
        guard case .train(let train) = spec.body else { Issue.record("not a train block"); return }
        #expect(train.data.dataset == .deliveryTimes(DeliveryTimesOptions(nSamples: 2000, seed: 42, noise: 4.0)))
        #expect(train.data.split == SplitSpec(testSize: 0.2, randomState: 42, stratify: false))
        #expect(train.data.normalize == .meanStd)
        #expect(train.data.trainCount == 1600)
        #expect(train.stepsPerEpoch == 25)
        #expect(train.model.parameterCount == 2433)
        #expect(train.training == TrainingSpec(epochs: 150, batchSize: 64, shuffle: true))
        #expect(train.runs.map(\.label) == ["SGD (lr=0.01)", "SGD (lr=0.1)", "SGD + momentum (β=0.9)", "SGD + momentum + nesterov"])
        #expect(train.runs[0].optimizer == .sgd(SGDOptions(lr: 0.01, momentum: 0, dampening: 0, weightDecay: 0, nesterov: false)))
        #expect(train.runs[3].optimizer == .sgd(SGDOptions(lr: 0.01, momentum: 0.9, dampening: 0, weightDecay: 0, nesterov: true)))
        #expect(train.metrics == [.trainLoss, .testMAE])
        let table = try #require(spec.table)
        #expect(table.rows == .runs)
        #expect(table.columns.map(\.header) == ["Optimiser", "Epoch 10 loss", "Final loss", "Test MAE"])
        #expect(table.columns[1].value.description == "train_loss[10]")
        #expect(table.columns[3].format == NumberFormat(style: .fixed, precision: 4))
        #expect(table.columns[3].highlight == .min)
        #expect(spec.chart?.y == ["train_loss"])
        #expect(spec.chart?.x == .epoch)
        #expect(spec.chart?.yScale == .log)
        #expect(spec.checks.count == 1)
        #expect(spec.checks[0].site.start == SourceLocation(file: "content/optimisers.md", line: 62, column: 6))
    }

    @Test func adamDefaultsMatchTorch() throws {
        let spec = try Self.parse(SeedBlocks.adamVsAdamW)
        guard case .train(let train) = spec.body else { Issue.record("not a train block"); return }
        #expect(train.runs[1].optimizer == .adam(AdamOptions(lr: 1e-3, beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0, amsgrad: false)))
        #expect(train.runs[3].optimizer == .adamW(AdamOptions(lr: 1e-3, beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0.01, amsgrad: false)))
        #expect(train.model == ModelSpec(layers: [4, 64, 32, 1], activation: .relu, seed: 42))
        #expect(train.data.dataset == .deliveryTimes(DeliveryTimesOptions(nSamples: 2000, seed: 42, noise: 4.0)))
        #expect(spec.chart?.type == .bar)
    }

    @Test func schedulersResolveAgainstTraining() throws {
        let spec = try Self.parse(SeedBlocks.lrSchedules)
        guard case .train(let train) = spec.body else { Issue.record("not a train block"); return }
        #expect(train.runs[0].scheduler == nil)
        #expect(train.runs[1].scheduler == SchedulerSpec(kind: .cosineAnnealingLR(tMax: 150, etaMin: 1e-6), interval: .epoch))
        #expect(train.runs[2].scheduler == SchedulerSpec(kind: .stepLR(stepSize: 50, gamma: 0.1), interval: .epoch))
        var plateau = ReduceLROnPlateauOptions(monitor: .testLoss)
        plateau.patience = 10
        plateau.factor = 0.5
        #expect(train.runs[3].scheduler == SchedulerSpec(kind: .reduceLROnPlateau(plateau), interval: .epoch))
        // OneCycleLR(max_lr=1e-2, steps_per_epoch=len(loader)=25, epochs=150): 3750 steps, stepped per batch.
        #expect(train.runs[4].scheduler == SchedulerSpec(kind: .oneCycleLR(OneCycleLROptions(maxLR: 1e-2, totalSteps: 3750)), interval: .step))
        guard case .lambdaLR(let lambda) = train.runs[5].scheduler?.kind else { Issue.record("not LambdaLR"); return }
        #expect(train.runs[5].scheduler?.interval == .step)
        #expect(train.constants == ["warmup": 375, "total": 3750])
        let at400 = try lambda.expression.number(using: VariableResolver(["step": .number(400), "warmup": .number(375), "total": .number(3750)]))
        // 0.5 * (1 + np.cos(np.pi * 25 / 3375)) in numpy.
        #expect(at400 == 0.9998646205897308)
        #expect(spec.chart?.type == .schedule)
        #expect(spec.chart?.y == ["lr"])
    }

    @Test func warmupCosineFillsTheLessonsNumbers() throws {
        let yaml = try SeedBlocks.lrSchedules.replacingOnce(
            "    scheduler:\n      name: LambdaLR\n      interval: step\n      lr_lambda: \"step < warmup ? step / warmup : 0.5 * (1 + cos(pi * (step - warmup) / (total - warmup)))\"",
            with: "    scheduler: {name: WarmupCosine}")
        let spec = try Self.parse(yaml)
        guard case .train(let train) = spec.body else { Issue.record("not a train block"); return }
        #expect(train.runs[5].scheduler == SchedulerSpec(kind: .warmupCosine(warmupSteps: 375, totalSteps: 3750), interval: .step))
    }

    @Test func traceBlocks() throws {
        let adam = try Self.parse(SeedBlocks.adamScratch)
        guard case .trace(let trace) = adam.body else { Issue.record("not a trace block"); return }
        #expect(trace.precision == .float64)
        #expect(trace.params == [1.0, -0.5, 0.8, -1.2])
        #expect(trace.gradients == .numpyRandn(seed: 0, scale: 0.5, steps: 5))
        #expect(trace.stepCount == 5)
        #expect(trace.runs[0].stepper == .optimizer(.adam(AdamOptions(lr: 0.001, beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0))))
        #expect(trace.runs[1].stepper == .rule(.adamTextbook(lr: 0.001, beta1: 0.9, beta2: 0.999, eps: 1e-8)))
        #expect(trace.record == [.param, .m, .v, .mHat, .vHat, .maxAbsDiff])
        #expect(adam.table?.rows == .steps)

        let sgd = try Self.parse(SeedBlocks.sgdMomentumScratch)
        guard case .trace(let sgdTrace) = sgd.body else { Issue.record("not a trace block"); return }
        #expect(sgdTrace.gradients == .explicit([[0.5, -0.3, 0.8], [0.4, -0.2, 0.7], [0.6, -0.4, 0.9]]))
        #expect(sgdTrace.runs[0].stepper == .rule(.sgdMomentumTextbook(lr: 0.1, beta: 0.9)))

        let bias = try Self.parse(SeedBlocks.biasCorrection)
        guard case .trace(let biasTrace) = bias.body else { Issue.record("not a trace block"); return }
        #expect(biasTrace.gradients == .explicit([[1], [1], [1], [1], [1]]))
        #expect(biasTrace.record == [.m, .mHat])
    }

    @Test func scheduleBlock() throws {
        let spec = try Self.parse(SeedBlocks.warmupEffect)
        guard case .schedule(let schedule) = spec.body else { Issue.record("not a schedule block"); return }
        #expect(schedule.steps.values == [1, 5, 10, 50, 100, 200])
        #expect(schedule.constants == ["lr": 1e-3, "beta2": 0.999, "warmup": 100])
        #expect(schedule.columns.map(\.name) == ["no_warmup", "with_warmup"])
        // numpy (the lesson's script) prints `step   50: no warmup=0.004527  with warmup=0.002264`.
        let resolver = VariableResolver(["t": .number(50), "lr": .number(1e-3), "beta2": .number(0.999), "warmup": .number(100)])
        let noWarmup = try schedule.columns[0].expression.number(using: resolver)
        let withWarmup = try schedule.columns[1].expression.number(using: resolver)
        #expect(NumberFormat(style: .fixed, precision: 6).format(noWarmup) == "0.004527")
        #expect(NumberFormat(style: .fixed, precision: 6).format(withWarmup) == "0.002264")
        #expect(spec.table?.rows == .steps)
    }

    /// Every row of the lesson's warmup table, as numpy computes it (`lr / np.sqrt(1 - b2**t)` and
    /// `lr * min(t / warmup, 1.0) / np.sqrt(1 - b2**t)`), to the last bit.
    @Test func warmupTableMatchesNumpy() throws {
        let spec = try Self.parse(SeedBlocks.warmupEffect)
        guard case .schedule(let schedule) = spec.body else { Issue.record("not a schedule block"); return }
        let numpy: [[Double]] = [
            [0.031622776601683784, 0.00031622776601683783],
            [0.014156284830419325, 0.0007078142415209663],
            [0.010022515922231535, 0.0010022515922231536],
            [0.004527048366212575, 0.0022635241831062873],
            [0.003240884952969846, 0.003240884952969846],
            [0.002348225600636627, 0.002348225600636627],
        ]
        for (step, expected) in zip(schedule.steps.values, numpy) {
            #expect(try schedule.columnValues(at: step) == expected)
        }
    }

    @Test func lambdaSeesStepAndConstants() throws {
        let spec = try Self.parse(SeedBlocks.lrSchedules)
        guard case .train(let train) = spec.body, case .lambdaLR(let lambda)? = train.runs[5].scheduler?.kind else {
            Issue.record("no LambdaLR"); return
        }
        #expect(try lambda.expression.number(using: train.lambdaVariables(step: 0)) == 0)
        #expect(try lambda.expression.number(using: train.lambdaVariables(step: 75)) == 0.2)
        #expect(try lambda.expression.number(using: train.lambdaVariables(step: 375)) == 1)
    }

    @Test func classificationBlock() throws {
        let spec = try Self.parse(SeedBlocks.classification)
        guard case .train(let train) = spec.body else { Issue.record("not a train block"); return }
        var options = MakeClassificationOptions(randomState: 42)
        (options.nSamples, options.nFeatures, options.nInformative, options.nRedundant) = (3000, 20, 10, 5)
        #expect(train.data.dataset == .makeClassification(options))
        #expect(options.nRepeated == 0 && options.nClasses == 2 && options.nClustersPerClass == 2)
        #expect(options.flipY == 0.01 && options.classSep == 1.0)
        #expect(train.data.split.stratify)
        #expect(train.data.normalize == .standardScaler)
        #expect(train.loss == .bceWithLogits)
        #expect(train.model.parameterCount == 11009)
        #expect(train.runs[0].optimizer == .sgd(SGDOptions(lr: 0.01, momentum: 0.9, dampening: 0, weightDecay: 1e-4, nesterov: false)))
        #expect(train.runs[0].scheduler == SchedulerSpec(kind: .cosineAnnealingLR(tMax: 200, etaMin: 0), interval: .epoch))
        #expect(spec.table?.columns[2].value.description == "argbest(accuracy)")
        #expect(spec.table?.columns[2].format == NumberFormat(style: .integer))
    }

    @Test func defaultMetricsFollowTheLoss() throws {
        let yaml = try SeedBlocks.adamVsAdamW
            .replacingOnce("metrics: [test_mae, weight_norm]\n", with: "")
            .replacingOnce("chart: {type: bar, y: weight_norm, title: Sum of parameter norms after training}\n", with: "")
        let spec = try Self.parse(yaml)
        guard case .train(let train) = spec.body else { Issue.record("not a train block"); return }
        #expect(train.metrics == [.trainLoss, .testLoss, .testMAE, .weightNorm, .lr])
    }
}
