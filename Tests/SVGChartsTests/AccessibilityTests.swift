import Testing
@testable import SVGCharts

@Suite struct AccessibilityTests {
    let svg = LessonCharts.lossCurves().svg()

    @Test func rootIsAnImageNamedByTitleAndDesc() throws {
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"sgc\" viewBox=\"0 0 560 350\" width=\"100%\" role=\"img\""))
        let ids = SVGInspection.captures("aria-labelledby=\"([^\"]*)\"", in: svg)
        let id = try #require(ids.first?.split(separator: " ").first.map(String.init))
        #expect(svg.contains("<title id=\"\(id)\">Training loss of four optimisers</title>"))
        #expect(ids.first == "\(id) \(id.dropLast("-title".count))-desc")
    }

    @Test func descriptionGivesAxesAndFinalValues() throws {
        let chart = LessonCharts.lossCurves()
        let desc = try #require(SVGInspection.captures("<desc id=\"[^\"]*\">([^<]*)</desc>", in: svg).first)
        #expect(desc.hasPrefix("Mean training loss per epoch. Line chart of 4 series. X axis: Epoch from 1 to 150. Y axis: Training loss from 0.01 to 5, log scale."))
        for s in chart.series {
            let last = try #require(s.points.last)
            #expect(desc.contains("\(s.label): last value \(TickFormat.value(last.y)) at Epoch 150;"))
        }
    }

    @Test func everyGroupHasAnAriaLabel() {
        for label in ["x-grid", "y-grid", "x-axis", "y-axis", "series SGD", "series Adam", "series labels"] {
            #expect(svg.contains("aria-label=\"\(label)\""), "missing group \(label)")
        }
    }

    /// ARIA prohibits naming an element without a role (axe-core's aria-prohibited-attr): a named `<g>` is a group.
    @Test func namedGroupsHaveTheGroupRole() {
        let charts = [svg, LessonCharts.schedules().svg(), LessonCharts.validationAccuracy().svg(), LessonCharts.testMAE().svg(),
                      LessonCharts.lossCurves(optimisers: ["a long optimiser name", "another long optimiser name",
                                                           "a third long optimiser name"]).svg()]
        for chart in charts {
            // Text elements name themselves; any other named element must be a group.
            let named = SVGInspection.captures("(<[a-z]+ [^>]*aria-label=[^>]*>)", in: chart).filter { !$0.hasPrefix("<text ") }
            #expect(!named.isEmpty)
            for tag in named {
                #expect(tag.hasPrefix("<g ") && tag.contains(" role=\"group\""), "\(tag) is named but not a group")
            }
        }
        #expect(LessonCharts.lossCurves(optimisers: ["a long optimiser name", "another long optimiser name",
                                                     "a third long optimiser name"]).svg().contains("<g role=\"group\" aria-label=\"legend\">"))
    }

    @Test func responsiveWithoutFixedPixelSize() {
        #expect(!svg.contains("height=\"350\""))
        #expect(!svg.contains(" width=\"560\""))
        #expect(svg.contains("vector-effect:non-scaling-stroke"))
    }

    @Test func themableColoursAndNoHardCodedText() {
        #expect(svg.contains(".sgc text{fill:currentColor"))
        #expect(svg.contains("--c:var(--chart-series-1,#0072B2)"))
        #expect(!svg.lowercased().contains("#000"))
        #expect(!svg.contains("black"))
        #expect(!svg.contains("fill=\"#"))
    }

    @Test func seriesDifferInDashAndMarkerForGreyscale() {
        let chart = LessonCharts.lossCurves(optimisers: ["a", "b", "c", "d", "e", "f"])
        let css = Theme.stylesheet(seriesCount: 6)
        #expect(Set(Theme.dashes.prefix(6)).count == 6)
        for i in 2...6 { #expect(css.contains(".sgc .sgc-s\(i){--c:var(--chart-series-\(i),\(Theme.palette[i - 1]));--dash:")) }
        #expect(Set((0..<6).map { MarkerShape.forSeries($0) }).count == 6)
        #expect(chart.svg().contains("<g class=\"sgc-mark\">"))
    }
}
