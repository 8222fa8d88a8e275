import Testing
@testable import Site

/// The one way pages link to each other: relative to the page, folders by their index.html, the 404
/// page from the base path.
@Suite struct PageLinksTests {
    @Test func linksFromEachDepthOfTheSite() {
        let home = PageLinks(page: ""), module = PageLinks(page: "optimisers/"), lesson = PageLinks(page: "optimisers/adam/")
        #expect(home.to("") == "index.html")
        #expect(home.to("optimisers/") == "optimisers/index.html")
        #expect(home.to("assets/style.0123456789.css") == "assets/style.0123456789.css")
        #expect(module.to("") == "../index.html")
        #expect(module.to("optimisers/") == "index.html")
        #expect(module.to("optimisers/adam/") == "adam/index.html")
        #expect(module.to("batchnorm/") == "../batchnorm/index.html")
        #expect(lesson.to("") == "../../index.html")
        #expect(lesson.to("optimisers/adam/") == "index.html")
        #expect(lesson.to("optimisers/sgd/") == "../sgd/index.html")
        #expect(lesson.to("optimisers/adam/adam.csv") == "adam.csv")
        #expect(lesson.to("assets/site.0123456789.js") == "../../assets/site.0123456789.js")
        #expect(lesson.to("feed.xml") == "../../feed.xml")
        // A page named by its file links the same as by its folder.
        #expect(PageLinks(page: "optimisers/adam/index.html").to("optimisers/") == "../index.html")
        #expect(PageLinks(page: "404.html").to("optimisers/") == "optimisers/index.html")
    }

    /// A folder is shared only whole: a name that starts like the page's folder (`adamw` after `adam`), or a file named
    /// as the folder, is not in it; names are compared as their bytes, non-ASCII ones included.
    @Test func foldersAreSharedOnlyWhole() {
        let lesson = PageLinks(page: "optimisers/adam/")
        #expect(lesson.to("optimisers/adamw/") == "../adamw/index.html")
        #expect(lesson.to("optimisers/ada/x.csv") == "../ada/x.csv")
        #expect(lesson.to("optimisers") == "../../optimisers")
        #expect(lesson.to("optimisers/adam") == "../adam")
        #expect(lesson.to("optimisersx/adam/") == "../../optimisersx/adam/index.html")
        let greek = PageLinks(page: "βήμα/adam/")
        #expect(greek.to("βήμα/sgd/") == "../sgd/index.html")
        #expect(greek.to("βήτα/sgd/") == "../../βήτα/sgd/index.html")
        #expect(greek.root == "../../")
    }

    @Test func rootIsThePrefixOfTheSiteFolder() {
        #expect(PageLinks(page: "").root == "")
        #expect(PageLinks(page: "index.html").root == "")
        #expect(PageLinks(page: "optimisers/").root == "../")
        #expect(PageLinks(page: "optimisers/adam/").root == "../../")
        #expect(PageLinks(page: "404.html", style: .fromBasePath("/courses/ml/")).root == "/courses/ml/")
    }

    @Test func theNotFoundPageLinksFromTheBasePath() {
        let notFound = PageLinks(page: "404.html", style: .fromBasePath("/courses/ml/"))
        #expect(notFound.to("") == "/courses/ml/")
        #expect(notFound.to("optimisers/") == "/courses/ml/optimisers/")
        #expect(notFound.to("assets/style.0123456789.css") == "/courses/ml/assets/style.0123456789.css")
    }

    @Test func authorLinksArePublishedRelativeToThePage() {
        let lesson = PageLinks(page: "optimisers/adam/")
        #expect(lesson.published("/optimisers/") == "../index.html")
        #expect(lesson.published("/optimisers/sgd/#momentum") == "../sgd/index.html#momentum")
        #expect(lesson.published("/") == "../../index.html")
        #expect(lesson.published("/data/x.csv?v=2") == "../../data/x.csv?v=2")
        #expect(lesson.published("../sgd/") == "../sgd/index.html")
        #expect(lesson.published("./") == "./index.html")
        #expect(lesson.published(".") == "./index.html")
        #expect(lesson.published("..#top") == "../index.html#top")
        #expect(lesson.published("sub/?q=1") == "sub/index.html?q=1")
        for unchanged in ["#top", "?q=1", "adam.csv", "../sgd", "//cdn.example/x", "https://example.org/",
                          "mailto:a@example.org", "data:image/png;base64,AAAA", "tel:+441234", ""] {
            #expect(lesson.published(unchanged) == unchanged, "\(unchanged)")
        }
    }
}
