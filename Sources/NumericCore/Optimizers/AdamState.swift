/// Adam/AdamW per-element state, laid out like the parameter vector (torch's `state[p]` of every tensor).
public struct AdamState<Scalar: OptimizerScalar>: Sendable, Equatable {
    /// Steps taken (torch keeps a float32 counter per tensor; all tensors step together here).
    public internal(set) var step: Double = 0
    /// First moment, torch's `exp_avg`.
    public internal(set) var m: [Scalar] = []
    /// Second moment, torch's `exp_avg_sq`.
    public internal(set) var v: [Scalar] = []
    /// Running maximum of `v` (amsgrad only), torch's `max_exp_avg_sq`; empty otherwise.
    public internal(set) var vmax: [Scalar] = []

    /// No steps taken yet.
    public var isEmpty: Bool { m.isEmpty }
}
