/// The names a template context provides: the keys of every dictionary reachable from it, however deep and in
/// whatever kind of list, plus names given as they are (list items' keys a page may have none of).
///
/// The checker asks for the few names its templates use, and a page's context holds a few hundred dictionaries
/// (every module's lessons, for the sidebar), so the keys are found level by level only as far as a question needs:
/// the names templates use are almost all found in the first two levels. `all` walks everything, for a message
/// that lists what the page provides.
struct ContextNames {
    private var found: Set<String>
    /// Values not yet looked into, in breadth-first order from `next` on.
    private var pending: [Any]
    private var next = 0

    init(_ context: Any, adding names: Set<String> = []) {
        found = names
        pending = [context]
    }

    /// Adds a name the context will provide (`content`, which the base layout receives).
    mutating func insert(_ name: String) {
        found.insert(name)
    }

    /// Mutating: an answer looks further into the context, and what it found serves the next question.
    mutating func contains(_ name: String) -> Bool {
        while !found.contains(name) {
            guard lookIntoNext() else { return false }
        }
        return true
    }

    /// Every name, sorted.
    mutating func all() -> [String] {
        while lookIntoNext() {}
        return found.sorted()
    }

    /// Takes the next pending value's keys (a dictionary) or items (a list); false when none is left.
    private mutating func lookIntoNext() -> Bool {
        guard next < pending.count else { return false }
        let value = pending[next]
        next += 1
        // Most values are text, numbers or flags: told apart by their type before any cast to a container.
        if value is String || value is Int || value is Bool { return true }
        if let dictionary = value as? [String: Any] {
            for (key, inner) in dictionary {
                found.insert(key)
                pending.append(inner)
            }
        } else if let list = value as? [Any] {
            pending.append(contentsOf: list)
        }
        return true
    }
}
