import Foundation
import Hashing

/// The byte form of the cache's records (`SearchIndexStore`, `LessonCache`, `SidebarCache`, `InputDigestCache`):
/// numbers as LEB128 varints, signed ones zigzagged first, strings as their length and UTF-8, an absent value as a
/// 0 flag before it. Written whole by `CacheFile`; a reader returns nil past the end of its bytes, so a cut record is
/// a miss. The small records are sealed: their hash follows them (`Writer.sealed`, `unsealed`), so a changed byte is
/// a miss too, never a changed value. The search index's record (3.5 MB for a 200-lesson course, read and written on
/// every edit) is not: its reader checks every count, length and id, so damage is a miss or, at worst, a changed
/// word or title in the search index until a build renders that page again; never a crash.
enum CacheRecord {
    /// A sealed record of `count` items under `header` and `key` (the setup or outline it was made for):
    /// `write` each item after them, then `sealed()`.
    static func sealedWriter(header: [UInt8], key: String, count: Int, capacity: Int) -> Writer {
        var out = Writer(header: header, capacity: capacity)
        out.string(key)
        out.number(count)
        return out
    }

    /// The items of the sealed record in `file` (written by `sealedWriter`) whose header and key are these, each read
    /// by `item` as a key and a value (the first of a repeated key is kept); nil when the file is missing, cut,
    /// changed, of another format or key, or holds more than its items.
    static func readSealed<Key: Hashable, Value>(_ file: String, header: [UInt8], key: String,
                                                 item: (inout Reader) -> (Key, Value)?) -> [Key: Value]? {
        guard let bytes = PlainFile.read(file) else { return nil }
        return bytes.withUnsafeBufferPointer { entries(ofSealed: $0, header: header, key: key, item: item) }
    }

    /// `readSealed` on a record's bytes.
    static func entries<Key: Hashable, Value>(ofSealed record: UnsafeBufferPointer<UInt8>, header: [UInt8], key: String,
                                              item: (inout Reader) -> (Key, Value)?) -> [Key: Value]? {
        guard let bytes = unsealed(record), bytes.starts(with: header) else { return nil }
        var reader = Reader(bytes: bytes, position: header.count)
        guard reader.string() == key, let count = reader.number(), count <= reader.remaining else { return nil }
        var entries: [Key: Value] = [:]
        entries.reserveCapacity(count)
        for _ in 0..<count {
            guard let (key, value) = item(&reader) else { return nil }
            if entries[key] == nil { entries[key] = value }
        }
        return reader.remaining == 0 ? entries : nil
    }

    /// The bytes of a sealed record without its hash, if the hash is theirs.
    static func unsealed(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8>? {
        guard bytes.count >= 8 else { return nil }
        let body = UnsafeBufferPointer(rebasing: bytes[..<(bytes.count - 8)])
        var hash = FNV1a<UInt64>()
        hash.update(body)
        let stored = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[(bytes.count - 8)...]).loadUnaligned(as: UInt64.self)
        return UInt64(littleEndian: stored) == hash.value ? body : nil
    }

    struct Writer {
        var bytes: [UInt8]

        init(header: [UInt8], capacity: Int = 0) {
            bytes = header
            bytes.reserveCapacity(header.count + capacity)
        }

        /// A count, length or other number that is not negative (a negative one is written as its bit pattern,
        /// which reads back as a miss).
        mutating func number(_ value: Int) {
            var rest = UInt64(UInt(bitPattern: value))
            while rest >= 0x80 {
                bytes.append(UInt8(rest & 0x7F) | 0x80)
                rest >>= 7
            }
            bytes.append(UInt8(rest))
        }

        mutating func signed(_ value: Int) {
            number(Int(bitPattern: UInt(bitPattern: (value << 1) ^ (value >> (Int.bitWidth - 1)))))
        }

        mutating func bytes(_ part: UnsafeBufferPointer<UInt8>) {
            number(part.count)
            bytes.append(contentsOf: part)
        }

        mutating func string(_ text: String) {
            var text = text
            text.withUTF8 { bytes($0) }
        }

        /// The bytes written, followed by their hash (read back with `unsealed`).
        func sealed() -> [UInt8] {
            var hash = FNV1a<UInt64>()
            hash.update(bytes)
            return bytes + withUnsafeBytes(of: hash.value.littleEndian, Array.init)
        }

        /// A flag (0: absent, 1: present), then the value.
        mutating func optional<Value>(_ value: Value?, _ write: (inout Writer, Value) -> Void) {
            guard let value else { return number(0) }
            number(1)
            write(&self, value)
        }
    }

    /// Reads what a `Writer` wrote, nil past the end of its bytes.
    struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var position: Int

        var remaining: Int { bytes.count - position }

        /// A varint of up to 64 bits.
        mutating func raw() -> UInt64? {
            var value: UInt64 = 0, shift: UInt64 = 0
            while position < bytes.count, shift < 64 {
                let byte = bytes[position]
                position += 1
                value |= UInt64(byte & 0x7F) << shift
                if byte < 0x80 { return value }
                shift += 7
            }
            return nil
        }

        /// A number written by `Writer.number`: nil past `Int.max` (a damaged record).
        mutating func number() -> Int? {
            raw().flatMap { $0 <= UInt64(Int.max) ? Int($0) : nil }
        }

        mutating func signed() -> Int? {
            guard let raw = raw() else { return nil }
            let value = UInt(raw)
            return Int(bitPattern: (value >> 1) ^ (0 &- (value & 1)))
        }

        mutating func string() -> String? {
            guard let length = number(), length <= remaining else { return nil }
            defer { position += length }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[position..<position + length]), as: UTF8.self)
        }

        /// A value written by `Writer.optional`: `.some(nil)` when absent, nil when the record is cut or damaged.
        mutating func optional<Value>(_ read: (inout Reader) -> Value?) -> Value?? {
            switch number() {
            case 0?: return .some(nil)
            case 1?: return read(&self).map { .some($0) }
            default: return nil
            }
        }
    }
}
