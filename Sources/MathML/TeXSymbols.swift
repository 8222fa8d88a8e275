import Escaping

/// What a symbol command (one without arguments) stands for in MathML.
enum TeXSymbol: Sendable {
    /// An `<mi>`; `upright` adds `mathvariant="normal"` to a single character (capital Greek, ∞, ∇).
    case identifier(String, upright: Bool)
    /// An `<mo>`: binary operators, relations, arrows, punctuation.
    case op(String)
    /// A delimiter: an `<mo stretchy="false">` in running text, stretchy after `\left`, `\right`, `\middle`.
    case fence(String)
    /// A large operator (∑, ∫); `limits` places scripts under and over it (movable in inline math).
    case largeOperator(String, limits: Bool)
    /// An upright function name (sin, log); `limits` places a subscript under it (max, lim).
    case function(String, limits: Bool)
    /// Horizontal space of the given width (`\quad`, `\,`).
    case space(String)
}

enum TeXSymbols {
    /// Every symbol command in one table (which `TeXCommand` turns into markup): a name in several of the
    /// tables below stands for what the first of them gives it (Greek, capital Greek, identifiers, operators,
    /// fences, large operators, functions, limit functions, spaces).
    static let all: [String: TeXSymbol] = {
        var symbols: [String: TeXSymbol] = [:]
        // Filled from the last table to the first, so that the first one's meaning is the one kept.
        for (name, width) in spaces { symbols[name] = .space(width) }
        for name in limitFunctions { symbols[name] = .function(name, limits: true) }
        for name in functions { symbols[name] = .function(name, limits: false) }
        for (name, s) in largeOperators { symbols[name] = .largeOperator(s.0, limits: s.1) }
        for (name, s) in fences { symbols[name] = .fence(s) }
        for (name, s) in operators { symbols[name] = .op(s) }
        for (name, s) in identifiers { symbols[name] = .identifier(s.0, upright: s.1) }
        for (name, s) in upperGreek { symbols[name] = .identifier(s, upright: true) }
        for (name, s) in greek { symbols[name] = .identifier(s, upright: false) }
        return symbols
    }()

    /// Every command name the converter knows, for "did you mean" suggestions.
    static var allNames: [String] {
        Array(greek.keys) + Array(upperGreek.keys) + Array(identifiers.keys) + Array(operators.keys)
            + Array(fences.keys) + Array(largeOperators.keys) + Array(functions) + Array(limitFunctions)
            + Array(spaces.keys)
    }

    static let greek: [String: String] = [
        "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ϵ", "varepsilon": "ε",
        "zeta": "ζ", "eta": "η", "theta": "θ", "vartheta": "ϑ", "iota": "ι", "kappa": "κ",
        "lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ", "omicron": "ο", "pi": "π", "varpi": "ϖ",
        "rho": "ρ", "varrho": "ϱ", "sigma": "σ", "varsigma": "ς", "tau": "τ", "upsilon": "υ",
        "phi": "ϕ", "varphi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω",
    ]

    static let upperGreek: [String: String] = [
        "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π",
        "Sigma": "Σ", "Upsilon": "Υ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
    ]

    static let identifiers: [String: (String, Bool)] = [
        "infty": ("∞", true), "nabla": ("∇", true), "partial": ("∂", false), "ell": ("ℓ", false),
        "hbar": ("ℏ", false), "emptyset": ("∅", true), "varnothing": ("∅", true), "aleph": ("ℵ", true),
        "Re": ("ℜ", true), "Im": ("ℑ", true), "top": ("⊤", true), "bot": ("⊥", true),
        "imath": ("ı", false), "jmath": ("ȷ", false), "prime": ("′", true),
    ]

    static let operators: [String: String] = [
        // binary operators
        "pm": "±", "mp": "∓", "times": "×", "cdot": "⋅", "div": "÷", "ast": "∗", "star": "⋆",
        "circ": "∘", "bullet": "∙", "odot": "⊙", "oplus": "⊕", "otimes": "⊗", "ominus": "⊖",
        "cup": "∪", "cap": "∩", "setminus": "∖", "wedge": "∧", "land": "∧", "vee": "∨", "lor": "∨",
        "neg": "¬", "lnot": "¬",
        // relations
        "le": "≤", "leq": "≤", "ge": "≥", "geq": "≥", "ne": "≠", "neq": "≠", "approx": "≈",
        "sim": "∼", "simeq": "≃", "cong": "≅", "equiv": "≡", "propto": "∝", "in": "∈",
        "notin": "∉", "ni": "∋", "subset": "⊂", "subseteq": "⊆", "supset": "⊃", "supseteq": "⊇",
        "ll": "≪", "gg": "≫", "mid": "∣", "parallel": "∥", "perp": "⊥", "coloneqq": "≔",
        "doteq": "≐", "prec": "≺", "succ": "≻", "forall": "∀", "exists": "∃",
        // arrows
        "leftarrow": "←", "gets": "←", "rightarrow": "→", "to": "→", "Leftarrow": "⇐",
        "Rightarrow": "⇒", "leftrightarrow": "↔", "Leftrightarrow": "⇔", "iff": "⟺",
        "implies": "⟹", "mapsto": "↦", "longrightarrow": "⟶", "longleftarrow": "⟵",
        "uparrow": "↑", "downarrow": "↓",
        // punctuation and dots
        "ldots": "…", "dots": "…", "cdots": "⋯", "vdots": "⋮", "ddots": "⋱", "colon": ":",
        "%": "%", "$": "$", "&": "&", "#": "#", "_": "_",
    ]

    static let fences: [String: String] = [
        "{": "{", "}": "}", "lbrace": "{", "rbrace": "}", "lbrack": "[", "rbrack": "]",
        "|": "‖", "lVert": "‖", "rVert": "‖", "Vert": "‖", "lvert": "|", "rvert": "|", "vert": "|",
        "langle": "⟨", "rangle": "⟩", "lfloor": "⌊", "rfloor": "⌋", "lceil": "⌈", "rceil": "⌉",
        "backslash": "\\",
    ]

    static let largeOperators: [String: (String, Bool)] = [
        "sum": ("∑", true), "prod": ("∏", true), "coprod": ("∐", true), "bigcup": ("⋃", true),
        "bigcap": ("⋂", true), "bigoplus": ("⨁", true), "bigotimes": ("⨂", true),
        "int": ("∫", false), "iint": ("∬", false), "iiint": ("∭", false), "oint": ("∮", false),
    ]

    static let functions: Set<String> = [
        "sin", "cos", "tan", "sec", "csc", "cot", "arcsin", "arccos", "arctan", "sinh", "cosh",
        "tanh", "coth", "log", "ln", "lg", "exp", "dim", "ker", "deg", "arg", "hom",
    ]

    static let limitFunctions: Set<String> = [
        "max", "min", "sup", "inf", "lim", "limsup", "liminf", "det", "gcd", "Pr", "argmax", "argmin",
    ]

    static let spaces: [String: String] = [
        "quad": "1em", "qquad": "2em", ",": "0.1667em", "thinspace": "0.1667em", ":": "0.2222em",
        ">": "0.2222em", "medspace": "0.2222em", ";": "0.2778em", "thickspace": "0.2778em",
        "!": "-0.1667em", "negthinspace": "-0.1667em", " ": "0.25em", "enspace": "0.5em",
    ]

    /// Characters typed directly that become `<mo>`; `-` becomes a true minus sign.
    static let plainOperators: [Unicode.Scalar: String] = [
        "+": "+", "-": "−", "=": "=", "<": "<", ">": ">", ",": ",", ";": ";", ":": ":",
        "!": "!", "?": "?", "/": "/", "*": "∗", ".": ".",
    ]

    /// Characters typed directly that are delimiters.
    static let plainFences: Set<Unicode.Scalar> = ["(", ")", "[", "]", "|"]

    /// The markup of an ASCII character typed directly that is a fence or an operator.
    static func plainMarkup(_ c: UInt8) -> [UInt8]? { c < 0x80 ? plainMarkup[Int(c)] : nil }

    /// `plainFences` and `plainOperators` as markup, by ASCII code.
    private static let plainMarkup: [[UInt8]?] = {
        var table = [[UInt8]?](repeating: nil, count: 128)
        for (c, text) in plainOperators { table[Int(c.value)] = Array("<mo>\(HTMLEscape.escape(text))</mo>".utf8) }
        for c in plainFences {
            table[Int(c.value)] = Array("<mo stretchy=\"false\">\(HTMLEscape.escape(String(c)))</mo>".utf8)
        }
        return table
    }()
}
