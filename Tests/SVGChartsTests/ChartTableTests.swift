import Testing
@testable import SVGCharts

@Suite struct ChartTableTests {
    @Test func rowsAreTheUnionOfXValues() {
        let chart = LineChart(title: "Loss", xLabel: "Epoch", series: [
            Series(label: "SGD", points: [(x: 1, y: 0.5), (x: 2, y: 0.25)]),
            Series(label: "Adam", points: [(x: 2, y: 0.125), (x: 3, y: .nan)]),
        ])
        let table = chart.table()
        #expect(table.caption == "Loss")
        #expect(table.columns == ["Epoch", "SGD", "Adam"])
        #expect(table.rows == [["1", "0.5", ""], ["2", "0.25", "0.125"], ["3", "", "NaN"]])
    }

    @Test func cellsUseUpToSixSignificantDigits() {
        #expect(ChartTable.cell(0.123456789) == "0.123457")
        #expect(ChartTable.cell(2.0) == "2")
        #expect(ChartTable.cell(1234567) == "1234570")
        #expect(ChartTable.cell(0.00001234) == "1.234e-5")
        #expect(ChartTable.cell(-0.5) == "\u{2212}0.5")
    }

    @Test func maxRowsKeepsFirstAndLast() {
        let table = LessonCharts.schedules().table(maxRows: 5)
        #expect(table.rows.map { $0[0] } == ["0", "937", "1875", "2812", "3749"])
        #expect(table.columns.count == 7)
    }

    @Test func htmlHasCaptionScopesAndEscaping() {
        let table = ChartTable(caption: "A & B", columns: ["x", "<y>"], rows: [["1", "2"]])
        #expect(table.html() == """
            <table class="chart-table">
            <caption>A &amp; B</caption>
            <thead><tr><th scope="col">x</th><th scope="col">&lt;y&gt;</th></tr></thead>
            <tbody>
            <tr><th scope="row">1</th><td>2</td></tr>
            </tbody>
            </table>

            """)
    }

    @Test func barChartTable() {
        let table = LessonCharts.testMAE().table()
        #expect(table.columns == ["Schedule", "Test MAE"])
        #expect(BarChart(title: "b", bars: [("a", 1)]).table().columns == ["Category", "Value"])
        #expect(table.rows.first == ["Constant", "0.0512"])
        #expect(table.rows.count == 6)
    }
}
