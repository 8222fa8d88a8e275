import Testing
@testable import Experiments

/// Expected strings are Python 3's `format(value, spec)`.
@Suite struct NumberFormatTests {
    static func format(_ value: Double, _ spec: String) throws -> String {
        try NumberFormat.parse(spec).format(value)
    }

    @Test(arguments: [
        (0.125, ".2f", "0.12"),            // a tie on the exact value: half to even
        (2.675, ".2f", "2.67"),            // 2.67499999… in binary
        (1.35, ".1f", "1.4"),              // 1.350000000000000088… rounds up
        (1.25, ".1f", "1.2"),
        (0.5, ".0f", "0"),
        (1.5, ".0f", "2"),
        (2.5, ".0f", "2"),
        (-2.5, ".0f", "-2"),
        (9.995, ".2f", "9.99"),
        (0.3, ".20f", "0.29999999999999998890"),
        (1e16, ".2f", "10000000000000000.00"),
        (1180591620717411303424.0, ".1f", "1180591620717411303424.0"),
        (3.14159, "4", "3.1416"),          // a bare precision means .4f
    ])
    func fixed(value: Double, spec: String, expected: String) throws {
        #expect(try Self.format(value, spec) == expected)
    }

    @Test(arguments: [
        (1e-5, ".2e", "1.00e-05"),
        (9.9999, ".2e", "1.00e+01"),
        (0.0, ".2e", "0.00e+00"),
        (1e300, ".3e", "1.000e+300"),
        (5e-324, ".3e", "4.941e-324"),
    ])
    func exponent(value: Double, spec: String, expected: String) throws {
        #expect(try Self.format(value, spec) == expected)
    }

    @Test(arguments: [
        (123456789.0, "g", "1.23457e+08"),
        (0.0001, "g", "0.0001"),
        (0.00001234, "g", "1.234e-05"),
        (100.0, "g", "100"),
        (1e6, "g", "1e+06"),
        (123456.5, "g", "123456"),
        (0.000123, ".3g", "0.000123"),
        (-0.0, "g", "-0"),
    ])
    func general(value: Double, spec: String, expected: String) throws {
        #expect(try Self.format(value, spec) == expected)
    }

    @Test(arguments: [
        (9.996, ".2f", "10.00"),           // the carry adds an integer digit
        (0.9999, ".0f", "1"),
        (99.5, ".0f", "100"),
        (0.05, ".1f", "0.1"),              // 0.05000000000000000277
        (0.15, ".1f", "0.1"),              // 0.14999999999999999445
        (0.25, ".1f", "0.2"),              // an exact tie
        (1e22, ".0f", "10000000000000000000000"),
        (999999.5, "g", "1e+06"),          // rounding moves g into scientific
        (9.9999999, "g", "10"),
        (0.00009999995, "g", "0.0001"),
        (1e-7, ".3%", "0.000%"),
        (123.456, ".0e", "1e+02"),
    ])
    func carriesAndTies(value: Double, spec: String, expected: String) throws {
        #expect(try Self.format(value, spec) == expected)
    }

    /// Python's `,` grouping option: the digits before the point in threes; nothing else changes.
    @Test(arguments: [
        (4482.0, ",d", "4,482"),
        (999.0, ",d", "999"),
        (1000.0, ",d", "1,000"),
        (1234567.891, ",.2f", "1,234,567.89"),
        (-1234.5, ",.1f", "-1,234.5"),
        (1234.5, "+,.1f", "+1,234.5"),
        (123.456, ",.1%", "12,345.6%"),
        (123456.0, ",g", "123,456"),
        (12345678.9, ",g", "1.23457e+07"),
        (12345.0, ",e", "1.234500e+04"),
        (-0.0001, "z,.2f", "0.00"),
    ])
    func thousandsGrouping(value: Double, spec: String, expected: String) throws {
        #expect(try Self.format(value, spec) == expected)
        #expect(try NumberFormat.parse(spec).description == spec)
    }

    @Test func smallestSubnormalExactly() throws {
        let text = try Self.format(5e-324, ".1080f")
        #expect(text.count == 1082)
        #expect(text.hasPrefix("0.000000000000000000"))
        #expect(text.hasSuffix("65533447265625000000"))
    }

    @Test func percentSignsAndIntegers() throws {
        #expect(try Self.format(0.1234, ".1%") == "12.3%")
        #expect(try Self.format(0.5, "%") == "50.000000%")
        #expect(try Self.format(1.0, "+.2f") == "+1.00")
        #expect(try Self.format(3.14159, " .3f") == " 3.142")
        #expect(try Self.format(37, "d") == "37")
        #expect(try Self.format(2.5, "d") == "2")
    }

    @Test func negativeZeroKeepsItsSignUnlessZ() throws {
        #expect(try Self.format(-0.0, ".2f") == "-0.00")
        #expect(try Self.format(-0.001, ".2f") == "-0.00")
        #expect(try Self.format(-0.001, "z.2f") == "0.00")
        #expect(try Self.format(-0.5, "z.2f") == "-0.50")
    }

    @Test func nonFiniteValues() throws {
        #expect(try Self.format(.nan, ".2f") == "nan")
        #expect(try Self.format(-.infinity, ".2e") == "-inf")
        #expect(try Self.format(.infinity, "+.1f") == "+inf")
    }

    @Test func canonicalSpelling() throws {
        #expect(try NumberFormat.parse("4").description == ".4f")
        #expect(try NumberFormat.parse("+z.1%").description == "+z.1%")
        #expect(try NumberFormat.parse("g") == NumberFormat(style: .general))
    }

    @Test(arguments: [
        (".4", "bad number format '.4': missing the type letter (f, e, g, %, or d)"),
        (".x", "bad number format '.x': expected digits after '.'"),
        (".2q", "bad number format '.2q': unknown type 'q' (use f, e, g, %, or d)"),
        (".2d", "bad number format '.2d': 'd' takes no precision"),
        ("", "bad number format '': missing the type letter (f, e, g, %, or d)"),
        (".1101f", "bad number format '.1101f': precision must be at most 1100"),
    ])
    func badSpecifiers(spec: String, message: String) {
        #expect(throws: NumberFormatError.self) { try NumberFormat.parse(spec) }
        do {
            _ = try NumberFormat.parse(spec)
        } catch {
            #expect(error.description == message)
        }
    }
}
