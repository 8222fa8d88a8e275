import Diagnostics
import Foundation
import Testing
@testable import Site

/// sitegen's template reader and renderer against the Mustache specification's own tests: the required modules
/// (comments, set delimiters, interpolation, inverted sections, partials, sections), copied unchanged from
/// github.com/mustache/spec at 9cb20c3 into `Fixtures/mustache-spec/` with its licence. Every case must render
/// exactly the expected bytes, white space and line breaks included, but one: the specification renders a missing
/// partial as nothing, where sitegen stops with an error at the tag (its checker names the file to create first).
/// The renderer is called directly, as `TemplateSet` calls it after its checks; one of those checks refuses a partial
/// that includes itself, which the specification's "Recursion" case renders.
@Suite struct MustacheSpecTests {
    struct SpecFile: Decodable {
        var tests: [SpecCase]
    }

    struct SpecCase: Decodable {
        var name: String
        var data: JSONValue
        var template: String
        var expected: String
        var partials: [String: String]?
    }

    /// A JSON value, made into what sitegen's page contexts hold (`null` is a missing value: left out of objects).
    enum JSONValue: Decodable {
        case null, bool(Bool), int(Int), double(Double), string(String), list([JSONValue]), object([String: JSONValue])

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() { self = .null }
            else if let value = try? container.decode(Bool.self) { self = .bool(value) }
            else if let value = try? container.decode(Int.self) { self = .int(value) }
            else if let value = try? container.decode(Double.self) { self = .double(value) }
            else if let value = try? container.decode(String.self) { self = .string(value) }
            else if let value = try? container.decode([JSONValue].self) { self = .list(value) }
            else { self = .object(try container.decode([String: JSONValue].self)) }
        }

        var context: Any? {
            switch self {
            case .null: nil
            case .bool(let value): value
            case .int(let value): value
            case .double(let value): value
            case .string(let value): value
            case .list(let items): items.compactMap(\.context) as [Any]
            case .object(let fields): fields.compactMapValues(\.context) as [String: Any]
            }
        }
    }

    static func cases(_ module: String) throws -> [SpecCase] {
        let url = try #require(Bundle.module.url(forResource: module, withExtension: "json", subdirectory: "Fixtures/mustache-spec"))
        return try JSONDecoder().decode(SpecFile.self, from: Data(contentsOf: url)).tests
    }

    @Test(arguments: ["comments", "delimiters", "interpolation", "inverted", "partials", "sections"])
    func everyCaseOfTheModule(_ module: String) throws {
        let cases = try Self.cases(module)
        #expect(cases.count >= 12)
        for spec in cases {
            var templates: [String: Template] = [:]
            for (name, text) in spec.partials ?? [:] { templates[name] = try TemplateParser.parse(text, file: name) }
            let template = try TemplateParser.parse(spec.template, file: "template")
            var renderer = TemplateRenderer(templates: templates, context: spec.data.context ?? [String: Any]())
            if module == "partials", spec.name == "Failed Lookup" {
                #expect(throws: Diagnostic.self) { try renderer.render(template.nodes) }
                continue
            }
            try renderer.render(template.nodes)
            #expect(String(decoding: renderer.output, as: UTF8.self) == spec.expected, "\(module): \(spec.name)")
        }
    }
}
