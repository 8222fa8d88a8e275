/// When and how the trainer steps a learning-rate scheduler, mirroring the lesson's loops.
public enum Schedule: Sendable {
    /// A constant learning rate.
    case none
    /// `scheduler.step()` after every optimiser step (ex4's OneCycleLR and warmup-cosine).
    case perBatch(any LRScheduler)
    /// `scheduler.step()` after every epoch (StepLR, CosineAnnealingLR).
    case perEpoch(any LRScheduler)
    /// `scheduler.step(metric)` after every epoch, fed the chosen full-set loss (ex4 feeds the validation loss).
    case plateau(ReduceLROnPlateau, metric: PlateauMetric)

    /// The loss ReduceLROnPlateau is fed.
    public enum PlateauMetric: Sendable { case testLoss, trainLoss, validationLoss }
}
