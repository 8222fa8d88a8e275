/// ex5's validation accuracy: `((logits > 0).float() == labels).float().mean().item()`, i.e.
/// `f32(k) ⊘ f32(n)` for k matching rows out of n (docs/parity.md §7.1), as a float32.
public func binaryAccuracy(logits: [Float], labels: [Float]) throws -> Float {
    guard !logits.isEmpty else { throw DataError.invalidCount(name: "number of logits", value: 0, minimum: 1) }
    guard logits.count == labels.count else {
        throw DataError.shapeMismatch("\(logits.count) logits for \(labels.count) labels")
    }
    var k = 0
    for (logit, label) in zip(logits, labels) where (logit > 0 ? Float(1) : Float(0)) == label { k += 1 }
    return Float(k) / Float(logits.count)
}
