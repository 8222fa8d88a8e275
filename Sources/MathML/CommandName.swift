import Hashing

/// A command's name as written after its backslash, read without making a String: where its bytes are, and the
/// bytes packed into two words (`PackedName`), which is how the command tables find it.
struct CommandName: Sendable {
    /// The name's bytes in the source (after the backslash).
    let range: Range<Int>
    /// The packed name; nil for a name longer than any known one (`PackedName.maxLength` bytes).
    let key: PackedName?

    init(_ bytes: [UInt8], _ range: Range<Int>) {
        self.range = range
        key = PackedName(bytes[range])
    }
}

extension PackedNameTable {
    /// The value of the command `name`.
    subscript(_ name: CommandName) -> Value? { name.key.flatMap { self[$0] } }
}
