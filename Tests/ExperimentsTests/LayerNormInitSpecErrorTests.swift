import Diagnostics
import Testing
@testable import Experiments

/// The `layernorm` layer and the model's `init` key: valid blocks parse (and reach the cache key), and each bad
/// value is refused at its key, `file:line:col`, with "did you mean" for misspelt names. The block's YAML starts on
/// line 10 of the lesson (SecondModuleSpecErrorTests' base block).
@Suite struct LayerNormInitSpecErrorTests {
    static func errors(_ model: String) -> [String] {
        SecondModuleSpecErrorTests.errors([13: model])
    }

    @Test("valid blocks", arguments: [
        "model: {layers: [{linear: 8}, layernorm, relu, {linear: 2}]}",
        "model: {layers: [{linear: 8}, {layernorm: {eps: 0.001, elementwise_affine: false}}, relu, {linear: 2}]}",
        "model: {layers: [2, 8, 2], init: kaiming_normal}",
        "model: {layers: [{linear: 8}, relu, {linear: 2}], init: {kaiming_uniform: {a: 0.1, mode: fan_out, nonlinearity: relu}}}",
        "model: {layers: [{linear: 8}, relu, {linear: 2}], init: {weight: {xavier_normal: {gain: 1.5}}, bias: zeros}}",
        "model: {layers: [{linear: 8}, relu, {linear: 2}], init: {bias: zeros}}",
        "model: {layers: [{linear: 8}, relu, {linear: 2}], init: {weight: default, bias: default}}",
    ])
    func valid(_ model: String) {
        #expect(Self.errors(model) == [])
    }

    @Test("bad values are refused at the key", arguments: [
        ("model: {layers: [{linear: 8}, {layernorm: {eps: 0}}, {linear: 2}]}",
         "lesson.md:13:49: error: 'eps' must be positive, got 0"),
        ("model: {layers: [{linear: 8}, {layernorm: {elementwise_afine: false}}, {linear: 2}]}",
         "lesson.md:13:44: error: unknown key 'elementwise_afine' in layers[2].layernorm (did you mean 'elementwise_affine'?)"),
        ("model: {layers: [{linear: 8}, layernrom, {linear: 2}]}",
         "lesson.md:13:31: error: unknown layer 'layernrom' (did you mean 'layernorm'?)"),
        ("model: {layers: [{linear: 8}, relu, {linear: 2}], init: kaiming_normall}",
         "lesson.md:13:57: error: unknown initialisation 'kaiming_normall' (did you mean 'kaiming_normal'?)"),
        ("model: {layers: [{linear: 8}, relu, {linear: 2}], init: {kaiming_normal: {nonlinearity: rleu}}}",
         "lesson.md:13:89: error: unknown nonlinearity 'rleu' (did you mean 'relu'?)"),
        ("model: {layers: [{linear: 8}, relu, {linear: 2}], init: {kaiming_normal: {mode: fanin}}}",
         "lesson.md:13:81: error: unknown fan mode 'fanin' (did you mean 'fan_in'?)"),
        ("model: {layers: [{linear: 8}, relu, {linear: 2}], init: {xavier_uniform: {gain: 1e9}}}",
         "lesson.md:13:81: error: 'gain' must be a number from −1000000 to 1000000, got 1000000000"),
        ("model: {layers: [{linear: 8}, relu, {linear: 2}], init: {xavier_uniform: {a: 1}}}",
         "lesson.md:13:75: error: unknown key 'a' in init.xavier_uniform; known keys: gain"),
        ("model: {layers: [{linear: 8}, relu, {linear: 2}], init: {weight: xavier_uniform, bias: xavier_uniform}}",
         "lesson.md:13:88: error: unknown bias initialisation 'xavier_uniform' (expected one of: default, zeros)"),
        ("model: {layers: [{linear: 8}, relu, {linear: 2}], init: {zeros: {gain: 1}}}",
         "lesson.md:13:58: error: init: zeros takes no options; write it as zeros"),
        ("model: {layers: [{linear: 8}, relu, {linear: 2}], init: [kaiming_normal]}",
         "lesson.md:13:57: error: init must be an initialisation such as kaiming_normal or {kaiming_normal: {nonlinearity: relu}}"),
    ])
    func badValue(_ model: String, _ message: String) {
        #expect(Self.errors(model) == [message])
    }
}
