/// Classification accuracy as the lessons compute it, for any number of classes: with one output column,
/// `((logits > 0).float() == labels).float().mean()` (`binaryAccuracy`); with C > 1 columns,
/// `(logits.argmax(1) == labels).float().mean()`, the first maximal column winning ties (torch's argmax).
/// The mean is f32(k) ⊘ f32(n).
public func accuracy(logits: [Float], classes: Int, labels: [Float]) throws -> Float {
    guard classes > 1 else { return try binaryAccuracy(logits: logits, labels: labels) }
    guard !labels.isEmpty else { throw DataError.invalidCount(name: "number of labels", value: 0, minimum: 1) }
    guard logits.count == labels.count * classes else {
        throw DataError.shapeMismatch("\(logits.count) logits for \(labels.count) labels of \(classes) classes")
    }
    var k = 0
    for (row, label) in labels.enumerated() {
        let base = row * classes
        var best = 0
        for j in 1..<classes where logits[base + j] > logits[base + best] || (logits[base + j].isNaN && !logits[base + best].isNaN) {
            best = j
        }
        if Float(best) == label { k += 1 }
    }
    return Float(k) / Float(labels.count)
}
