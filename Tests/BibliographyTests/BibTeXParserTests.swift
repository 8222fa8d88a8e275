import Testing
import Diagnostics
@testable import Bibliography

@Suite struct BibTeXParserTests {
    func parse(_ text: String) throws -> Bibliography { try BibTeXParser.parse(text, file: "content/references.bib") }

    func errors(_ text: String) -> [String] {
        do {
            _ = try BibTeXParser.parse(text, file: "refs.bib")
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    @Test func readsTheFourEntryTypesWithBracesQuotesNumbersAndMacros() throws {
        let bib = try parse("""
        % a comment line
        @string{iclr = "International Conference on Learning Representations"}
        @Article{a1, author = "Nesterov, Yurii", title = {A Method {$O(1/k^2)$}}, journal = "Soviet Math. Dokl.",
          year = 1983, volume = {27}, pages = {372--376}}
        @inproceedings(k2015,
          author = {Diederik P. Kingma and Jimmy Ba},
          title = {{Adam}: A Method for Stochastic Optimization},
          booktitle = "3rd " # iclr,
          month = may, year = {2015}, x-custom = {kept},
        )
        @book{gbc, author = {Goodfellow, Ian and Bengio, Yoshua and Courville, Aaron}, title = {Deep Learning}, publisher = {MIT Press}, year = 2016}
        @misc{m, title = {Notes}, howpublished = {\\url{https://example.org}}}
        @comment{ignored {nested} text}
        """)
        #expect(bib.keys == ["a1", "k2015", "gbc", "m"])
        let k = try #require(bib["k2015"])
        #expect(k.type == "inproceedings")
        #expect(k.fields["booktitle"] == "3rd International Conference on Learning Representations")
        #expect(k.fields["month"] == "May")
        #expect(k.fields["x-custom"] == "kept")   // unknown fields are kept
        #expect(k.text("title") == "Adam: A Method for Stochastic Optimization")
        #expect(k.authors.map(\.family) == ["Kingma", "Ba"])
        #expect(k.authors.map(\.given) == ["Diederik P.", "Jimmy"])
        #expect(k.location == SourceLocation(file: "content/references.bib", line: 5, column: 1))
        #expect(bib["a1"]?.fields["year"] == "1983")
        #expect(bib["a1"]?.text("pages") == "372–376")
        #expect(bib["a1"]?.text("title") == "A Method O(1/k^2)")
        #expect(bib["gbc"]?.authors.count == 3)
    }

    @Test func accentsBecomeUnicode() {
        #expect(LaTeXText.plain(#"Doll{\'a}r"#) == "Dollár")
        #expect(LaTeXText.plain(#"G{\"o}del and \"{U}ber and \'{\i}"#) == "Gödel and Über and í")
        #expect(LaTeXText.plain(#"\c{c}a and \c c and \v{s} and Stra{\ss}e and {\o}ster"#) == "ça and ç and š and Straße and øster")
        #expect(LaTeXText.plain(#"Learning~rates -- and --- \& 50\% \emph{flat}"#) == "Learning\u{00A0}rates – and — & 50% flat")
        #expect(PersonName.list(#"Erd{\H o}s, Paul and {The PyTorch Team} and Ludwig van Beethoven and others"#).map(\.family)
                == ["Erdős", "The PyTorch Team", "van Beethoven", "others"])
    }

    @Test func formatsReferencesAndAuthorYearLabels() throws {
        let bib = try parse("""
        @inproceedings{k, author = {Kingma, Diederik P. and Ba, Jimmy}, title = {{Adam}: A Method}, booktitle = {ICLR}, year = {2015}, eprint = {1412.6980}, archiveprefix = {arXiv}}
        @article{s, author = {A, B and C, D and E, F}, title = {T?}, journal = {J}, volume = 3, number = 2, pages = {1--2}, year = 2017, doi = {10.1/x}}
        @misc{w, author = {Smith, Jo}, title = {Page}, url = {https://example.org/a\\_b}}
        """)
        #expect(ReferenceFormat.authorYear(try #require(bib["k"])) == "Kingma & Ba, 2015")
        #expect(ReferenceFormat.authorYear(try #require(bib["s"])) == "A et al., 2017")
        #expect(ReferenceFormat.authorYear(try #require(bib["w"])) == "Smith, n.d.")
        #expect(ReferenceFormat.plainText(try #require(bib["k"])) == "Diederik P. Kingma and Jimmy Ba. 2015. Adam: A Method. In ICLR. arXiv:1412.6980")
        #expect(ReferenceFormat.parts(try #require(bib["s"])) == [
            .text("B A, D C, and F E. "), .text("2017. "), .text("T? "), .emphasis("J"), .text(", 3(2), 1–2. "),
            .link(text: "doi:10.1/x", url: "https://doi.org/10.1/x"),
        ])
        #expect(ReferenceFormat.parts(try #require(bib["w"])).last == .link(text: "https://example.org/a_b", url: "https://example.org/a_b"))
    }

    /// The bibliography formats each entry once; what it keeps is what `ReferenceFormat` writes.
    @Test func referencesAreFormattedOnceWhenRead() throws {
        let bib = try parse("""
        @inproceedings{k, author = {Kingma, Diederik P. and Ba, Jimmy}, title = {{Adam}: A Method}, booktitle = {ICLR}, year = {2015}, eprint = {1412.6980}, archiveprefix = {arXiv}}
        @book{g, author = {G{\\"o}del, Kurt and others}, title = {Book}, publisher = {P}, year = 1931}
        """)
        let k = try #require(bib.reference("k"))
        #expect(k.key == "k")
        #expect(k.authorYear == "Kingma & Ba, 2015")
        #expect(k.plainText == "Diederik P. Kingma and Jimmy Ba. 2015. Adam: A Method. In ICLR. arXiv:1412.6980")
        #expect(k.parts.last == .link(text: "arXiv:1412.6980", url: "https://arxiv.org/abs/1412.6980"))
        let g = try #require(bib.reference("g"))
        #expect(g.authorYear == "Gödel et al., 1931")
        #expect(g.parts == [.text("Kurt Gödel et al. "), .text("1931. "), .emphasis("Book"), .text(". "), .text("P.")])
        #expect(bib.reference("missing") == nil)
        #expect(Bibliography.empty.reference("k") == nil)
    }

    @Test func malformedEntriesAreReportedAtTheirPlaceAndReadingGoesOn() {
        // A brace left open in a value is closed by the entry's own '}', so the entry runs into the next.
        #expect(errors("@article{a,\n  title = {Open,\n  year = 2015\n}\n@misc{b, title = {B}}\n") == [
            "refs.bib:1:1: error: @article{a, … is not closed before the next entry: is a '{' in one of its values missing its '}'?",
        ])
        #expect(errors("@article{a, title = {Open\n@misc{b, title = {ok}}") == [
            "refs.bib:1:21: error: '{' is not closed: add its '}'",
        ])
        #expect(errors("@article{a title = {x}}\n@misc{b, year = 20x1}") == [
            "refs.bib:1:12: error: expected ',' after the key (or '}' to end the entry), found 't'",
            "refs.bib:2:17: error: unknown macro '20x1': put text in braces, {20x1}, or define it with @string",
        ])
        #expect(errors("@misc{a, month = juli}\n@misc{b, title = }\n@misc{a, title = {t}}\n@misc{a, title = {u}}") == [
            "refs.bib:1:18: error: unknown macro 'juli' (did you mean 'jul'?): put text in braces, {juli}, or define it with @string",
            "refs.bib:2:18: error: expected a value in braces, quotes, a number or a macro, found '}'",
            "refs.bib:4:1: error: duplicate citation key 'a': it is already defined at refs.bib:3:1; rename one of them",
        ])
        #expect(errors("@{x, title={t}}") == ["refs.bib:1:1: error: '@' must be followed by an entry type such as @article or @misc"])
        #expect(errors("@misc{, title={t}}") == ["refs.bib:1:7: error: @misc needs a citation key, e.g. '@misc{kingma2015adam,'"])
        #expect(errors("@misc{a, title={t}, title={u}}") == ["refs.bib:1:21: error: field 'title' appears twice in 'a'"])
        #expect(errors("@misc{a, title={t}") == ["refs.bib:1:1: error: @misc{a, … is not closed: add '}' at its end"])
        #expect(errors("@misc{a, title={t}}}") == [])   // text between entries is ignored, as BibTeX does
    }

    @Test func theBundledBibliographyReads() throws {
        // The file the lessons cite from, read as the build reads it.
        let path = #filePath.split(separator: "/").dropLast(3).joined(separator: "/") + "/content/references.bib"
        let text = try String(contentsOfFile: "/" + path, encoding: .utf8)
        let bib = try BibTeXParser.parse(text, file: "content/references.bib")
        #expect(bib.entries.count == 13)
        #expect(bib["ba2016layer"].map(ReferenceFormat.authorYear) == "Ba et al., 2016")
        #expect(bib["santurkar2018how"].map(ReferenceFormat.authorYear) == "Santurkar et al., 2018")
        #expect(bib["santurkar2018how"]?.authors[3].family == "Mądry")
        #expect(bib["goyal2017accurate"].map(ReferenceFormat.authorYear) == "Goyal et al., 2017")
        #expect(bib["goyal2017accurate"]?.authors[1].family == "Dollár")
        #expect(bib["goyal2017accurate"]?.fields["month"] == "June")
    }
}
