/// The first lesson's experiments (seed 000_01e564a901806f31: optimisers) as `experiment` blocks.
/// They are the reference examples of the format and will seed the lesson's markdown.
enum SeedBlocks {
    /// Script 1: four SGD variants on the delivery-time regression.
    static let sgdVariants = """
    id: sgd-variants
    kind: train
    title: SGD variants
    source: scripts/lessons/optimisers/01_sgd_variants.py
    data:
      dataset: delivery-times
      n_samples: 2000
      seed: 42
      split: {test_size: 0.2, random_state: 42}
      normalize: mean-std
    model:
      layers: [4, 64, 32, 1]
      activation: relu
      seed: 42
    loss: mse
    training:
      epochs: 150
      batch_size: 64
    runs:
      - label: "SGD (lr=0.01)"
        optimizer: {name: SGD, lr: 0.01}
      - label: "SGD (lr=0.1)"
        optimizer: {name: SGD, lr: 0.1}
      - label: "SGD + momentum (β=0.9)"
        optimizer: {name: SGD, lr: 0.01, momentum: 0.9}
      - label: "SGD + momentum + nesterov"
        optimizer: {name: SGD, lr: 0.01, momentum: 0.9, nesterov: true}
    metrics: [train_loss, test_mae]
    table:
      columns:
        - {header: Optimiser, value: label}
        - {header: Epoch 10 loss, value: "train_loss[10]", format: .6f}
        - {header: Final loss, value: train_loss, format: .6f}
        - {header: Test MAE, value: test_mae, format: .4f, highlight: min}
    chart:
      type: line
      y: train_loss
      y_scale: log
      title: Training loss per epoch
      y_label: MSE (normalised)
    caption: Momentum reaches a lower loss than plain SGD at the same learning rate.
    checks:
      - "['SGD + momentum (β=0.9)'].train_loss[10] < ['SGD (lr=0.01)'].train_loss[10]"
    """

    /// Script 1, second part: SGD + momentum from scratch against torch.
    static let sgdMomentumScratch = """
    id: sgd-momentum-scratch
    kind: trace
    params: [1.0, 2.0, -1.0]
    gradients:
      - [0.5, -0.3, 0.8]
      - [0.4, -0.2, 0.7]
      - [0.6, -0.4, 0.9]
    runs:
      - label: from scratch
        rule: {name: sgd-momentum-textbook, lr: 0.1, beta: 0.9}
      - label: torch SGD
        optimizer: {name: SGD, lr: 0.1, momentum: 0.9}
    record: [velocity, param, max_abs_diff]
    table:
      rows: steps
      columns:
        - {header: Step, value: step, format: d}
        - {header: v, value: "['from scratch'].velocity", format: .4f}
        - {header: W, value: "['from scratch'].param", format: .4f}
    checks:
      - "max(['torch SGD'].max_abs_diff) < 1e-12"
    """

    /// Script 2: Adam from scratch against torch Adam in float64.
    static let adamScratch = """
    id: adam-scratch
    kind: trace
    precision: float64
    params: [1.0, -0.5, 0.8, -1.2]
    gradients:
      numpy_randn: {seed: 0, scale: 0.5, steps: 5}
    runs:
      - label: torch Adam
        optimizer: {name: Adam, lr: 0.001}
      - label: from scratch
        rule: {name: adam-textbook, lr: 0.001, betas: [0.9, 0.999], eps: 1e-8}
    record: [param, m, v, m_hat, v_hat, max_abs_diff]
    table:
      columns:
        - {header: Step, value: step, format: d}
        - {header: Max diff scratch vs PyTorch, value: "['from scratch'].max_abs_diff", format: .2e}
    checks:
      - "max(['from scratch'].max_abs_diff) < 1e-6"
    """

    /// Script 2, second part: the bias-correction table (one weight, gradient 1).
    static let biasCorrection = """
    id: bias-correction
    kind: trace
    params: [0.0]
    gradients: [1.0, 1.0, 1.0, 1.0, 1.0]
    runs:
      - label: textbook Adam
        rule: {name: adam-textbook, lr: 0.001, betas: [0.9, 0.999]}
    record: [m, m_hat]
    table:
      columns:
        - {header: Step, value: step, format: d}
        - {header: m (biased), value: m, format: .6f}
        - {header: m_hat (corrected), value: m_hat, format: .6f}
        - {header: ratio, value: m_hat / 1.0, format: .4f}
    """

    /// Script 3: Adam's L2 penalty against AdamW's decoupled weight decay.
    static let adamVsAdamW = """
    id: adam-vs-adamw
    kind: train
    data:
      dataset: delivery-times
      split: {test_size: 0.2, random_state: 42}
      normalize: mean-std
    model: {layers: [4, 64, 32, 1]}
    loss: mse
    training: {epochs: 150, batch_size: 64}
    runs:
      - label: "SGD (lr=0.01, mom=0.9)"
        optimizer: {name: SGD, lr: 0.01, momentum: 0.9}
      - label: "Adam (lr=1e-3)"
        optimizer: {name: Adam, lr: 1e-3}
      - label: "Adam (lr=1e-3, wd=0.01)"
        optimizer: {name: Adam, lr: 1e-3, weight_decay: 0.01}
      - label: "AdamW (lr=1e-3, wd=0.01)"
        optimizer: {name: AdamW, lr: 1e-3, weight_decay: 0.01}
      - label: "AdamW (lr=1e-3, wd=0.1)"
        optimizer: {name: AdamW, lr: 1e-3, weight_decay: 0.1}
    metrics: [test_mae, weight_norm]
    table:
      columns:
        - {header: Optimiser, value: label}
        - {header: Test MAE, value: test_mae, format: .4f, highlight: min}
        - {header: Weight norm, value: weight_norm, format: .4f}
    chart: {type: bar, y: weight_norm, title: Sum of parameter norms after training}
    checks:
      - "['AdamW (lr=1e-3, wd=0.1)'].weight_norm < ['AdamW (lr=1e-3, wd=0.01)'].weight_norm"
    """

    /// Script 4: six learning-rate schedules with AdamW.
    static let lrSchedules = """
    id: lr-schedules
    kind: train
    data:
      dataset: delivery-times
      split: {test_size: 0.2, random_state: 42}
      normalize: mean-std
    model: {layers: [4, 64, 32, 1], seed: 42}
    loss: mse
    training: {epochs: 150, batch_size: 64}
    constants: {warmup: 375, total: 3750}
    runs:
      - label: none
        optimizer: {name: AdamW, lr: 1e-3, weight_decay: 0.01}
      - label: cosine
        optimizer: {name: AdamW, lr: 1e-3, weight_decay: 0.01}
        scheduler: {name: CosineAnnealingLR, T_max: 150, eta_min: 1e-6}
      - label: step
        optimizer: {name: AdamW, lr: 1e-3, weight_decay: 0.01}
        scheduler: {name: StepLR, step_size: 50, gamma: 0.1}
      - label: plateau
        optimizer: {name: AdamW, lr: 1e-3, weight_decay: 0.01}
        scheduler: {name: ReduceLROnPlateau, patience: 10, factor: 0.5, monitor: test_loss}
      - label: onecycle
        optimizer: {name: AdamW, lr: 1e-3, weight_decay: 0.01}
        scheduler: {name: OneCycleLR, max_lr: 1e-2}
      - label: warmup_cosine
        optimizer: {name: AdamW, lr: 1e-3, weight_decay: 0.01}
        scheduler:
          name: LambdaLR
          interval: step
          lr_lambda: "step < warmup ? step / warmup : 0.5 * (1 + cos(pi * (step - warmup) / (total - warmup)))"
    metrics: [test_mae, test_loss, lr]
    table:
      columns:
        - {header: Schedule, value: label}
        - {header: MAE, value: test_mae, format: .4f, highlight: min}
    chart:
      type: schedule
      y_scale: log
      title: Learning rate per epoch
    """

    /// Script 4, second part: the effective learning rate with and without warmup.
    static let warmupEffect = """
    id: warmup-effect
    kind: schedule
    steps: [1, 5, 10, 50, 100, 200]
    constants: {lr: 1e-3, beta2: 0.999, warmup: 100}
    columns:
      - {name: no_warmup, expr: "lr / sqrt(1 - beta2^t)"}
      - {name: with_warmup, expr: "lr * min(t / warmup, 1) / sqrt(1 - beta2^t)"}
    table:
      columns:
        - {header: step, value: t, format: d}
        - {header: no warmup, value: no_warmup, format: .6f}
        - {header: with warmup, value: with_warmup, format: .6f}
    """

    /// Script 5: SGD vs Adam vs AdamW on make_classification, best test accuracy.
    static let classification = """
    id: sgd-vs-adam-classification
    kind: train
    data:
      dataset: make-classification
      n_samples: 3000
      n_features: 20
      n_informative: 10
      n_redundant: 5
      random_state: 42
      split: {test_size: 0.2, random_state: 42, stratify: true}
      normalize: standard-scaler
    model: {layers: [20, 128, 64, 1], activation: relu, seed: 42}
    loss: bce-with-logits
    training: {epochs: 200, batch_size: 64}
    runs:
      - label: sgd
        optimizer: {name: SGD, lr: 0.01, momentum: 0.9, weight_decay: 1e-4}
        scheduler: {name: CosineAnnealingLR, T_max: 200}
      - label: adam
        optimizer: {name: Adam, lr: 1e-3}
      - label: adamw
        optimizer: {name: AdamW, lr: 1e-3, weight_decay: 0.01}
        scheduler: {name: CosineAnnealingLR, T_max: 200}
    metrics: [accuracy]
    table:
      columns:
        - {header: Optimiser, value: label}
        - {header: Best val acc, value: best(accuracy), format: .4f, highlight: max}
        - {header: At epoch, value: argbest(accuracy), format: d}
    chart: {type: line, y: accuracy, title: Test accuracy per epoch}
    """

    static let all = [sgdVariants, sgdMomentumScratch, adamScratch, biasCorrection, adamVsAdamW, lrSchedules,
                      warmupEffect, classification]
}
