@testable import Site

extension SearchIndexPart {
    /// The part of `document`: its entries' texts cut into tokens from their Strings, as the index was made before
    /// the build read lesson bodies as bytes (`init(path:title:body:)`), which the tests check it against.
    init(_ document: SearchDocument) {
        self.init(path: document.path, title: document.title,
                  headings: document.entries.map { Heading(kind: $0.kind, anchor: $0.anchor, title: $0.title) },
                  cutting: document.entries.map { Array($0.text.utf8) })
    }
}

extension SearchIndex {
    /// The index of `documents`, made at once from scratch.
    init(documents: [SearchDocument]) {
        self.init()
        for document in documents { append(SearchIndexPart(document), key: document.path, digest: "") }
        markCompact()
    }
}
