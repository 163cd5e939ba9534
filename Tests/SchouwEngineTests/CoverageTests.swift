import Foundation
import SchouwEngine
import SchouwResult
import Testing

@Suite struct CoverageTests {
    @Test func bio2ListsTheActiveOverheidsmaatregelenOfV13() throws {
        let catalogue = try CatalogueLoader.builtIn(.bio2)
        #expect(catalogue.entries.count == 166)
        #expect(catalogue.listed.count == 117)
        #expect(catalogue.entry("5.17.01")?.isListed == true)
        // Moved in v1.3: listed under its new id only.
        #expect(catalogue.entry("5.04.02")?.standing == .unlisted("verplaatst naar 5.10.02"))
        #expect(catalogue.entry("5.21.01")?.standing == .unlisted("vervallen in v1.3"))
    }

    @Test func bio104WritesIdsAsRulesDoAndLeavesOutConformNorm() throws {
        let catalogue = try CatalogueLoader.builtIn(.bio104)
        #expect(catalogue.entries.count == 182)
        #expect(catalogue.listed.count == 137)
        #expect(catalogue.entry("9.4.2.1")?.level == "1")
        #expect(catalogue.entry("9.4.2.1")?.group == "9.4.2 Beveiligde inlogprocedures")
        #expect(catalogue.entry("11.2.7.1")?.isListed == false)
        #expect(CatalogueLoader.bio104ID("09.04.02/01") == "9.4.2.1")
        #expect(CatalogueLoader.bio104ID("9.4.2") == nil)
    }

    @Test func avgListsTheControllerObligations() throws {
        let catalogue = try CatalogueLoader.builtIn(.avg)
        let numbers = catalogue.listed.map { Int($0.id.dropFirst(5)) ?? 0 }
        let required = [5, 6, 7, 9, 10] + Array(12...22) + Array(24...28) + [30] + Array(32...39) + Array(44...49)
        for n in required { #expect(numbers.contains(n), "art. \(n) is missing from avg-articles.yaml") }
        #expect(numbers == numbers.sorted())
        #expect(catalogue.entry("art. 28")?.title.en == "Processor")
    }

    @Test func cloudCatalogueHasEveryControlGroup() throws {
        let catalogue = try CatalogueLoader.builtIn(.bioCloud)
        #expect(catalogue.listed.count == 169)
        #expect(catalogue.entry("U.05.1") != nil)
    }

    @Test func referencesExpandToArticlesAndMeasures() {
        #expect(ReferenceIDs.articles("art. 28(3)(h)") == [28])
        #expect(ReferenceIDs.articles("art. 44-46") == [44, 45, 46])
        #expect(ReferenceIDs.articles("art. 5(1)(c)-(e)") == [5])
        #expect(ReferenceIDs.articles("art. 13, 14") == [13, 14])
        #expect(ReferenceIDs.articles("artikel 6(1)(e) en 6(3)") == [6, 6])
        #expect(ReferenceIDs.articles("art. 46-44") == nil)
        #expect(ReferenceIDs.articles("Gemeentewet") == nil)
        #expect(ReferenceIDs.ids("5.17.01", framework: .bio2) == ["5.17.01"])
        #expect(ReferenceIDs.ids("5.21.02-5.21.04", framework: .bio2) == ["5.21.02", "5.21.03", "5.21.04"])
        #expect(ReferenceIDs.ids("art. 44-45", framework: .avg) == ["art. 44", "art. 45"])
    }

    @Test func aRuleReferencingAMeasureShowsUpOnIt() throws {
        let report = CoverageReport.make(try CatalogueLoader.builtIn(.bio2), rules: builtInRules, lang: .nl)
        let referencing = builtInRules.rules.filter { $0.references.contains { $0.framework == "bio2" && $0.ref == "5.17.01" } }
        #expect(!referencing.isEmpty)
        let item = try #require(report.items.first { $0.id == "5.17.01" })
        #expect(item.status == .automated)
        #expect(item.rules == referencing.map(\.id).sorted())
        #expect(report.summary.items == 117)
        #expect(report.summary.automated + report.summary.manual == 117)
        #expect(report.items.filter { $0.status == .automated }.count == report.summary.automated)
    }

    @Test func rangesCountForEveryArticleTheyName() throws {
        let report = CoverageReport.make(try CatalogueLoader.builtIn(.avg), rules: builtInRules, lang: .en)
        let ranged = builtInRules.rules.filter { $0.references.contains { $0.framework == "avg" && $0.ref == "art. 44-46" } }
        for rule in ranged {
            for article in ["art. 44", "art. 45", "art. 46"] {
                #expect(report.items.first { $0.id == article }?.rules.contains(rule.id) == true)
            }
        }
    }

    @Test func jsonIsDeterministicAndRoundTrips() throws {
        let catalogue = try CatalogueLoader.builtIn(.bio104)
        let first = try CoverageRenderer.render(CoverageReport.make(catalogue, rules: builtInRules, lang: .nl), format: .json)
        let again = try CoverageRenderer.render(CoverageReport.make(try CatalogueLoader.builtIn(.bio104), rules: RuleLoader.load(), lang: .nl),
                                                format: .json)
        #expect(first == again)
        let decoded = try JSONDecoder().decode(CoverageReport.self, from: first)
        #expect(decoded.schema == CoverageReport.schemaID)
        #expect(decoded.summary.items == 137)
    }

    @Test func markdownIsATableWithOneRowPerItem() throws {
        let report = CoverageReport.make(try CatalogueLoader.builtIn(.avg), rules: builtInRules, lang: .nl)
        let md = CoverageRenderer.markdown(report)
        let rows = md.split(separator: "\n").filter { $0.hasPrefix("| art. ") }
        #expect(rows.count == report.items.count)
        #expect(md.contains("| Artikel | Omschrijving | Toetsing | Regels (schouw) | Toepasselijk | Toelichting / bewijs |"))
    }

    @Test func csvParserKeepsQuotedCommasQuotesAndNewlines() throws {
        let table = try CSVTable.parse("id,text\r\n1,\"a, \"\"b\"\"\nc\"\n2,plain\n\n", path: "t.csv")
        #expect(table.header == ["id", "text"])
        #expect(table.records == [["1", "a, \"b\"\nc"], ["2", "plain"]])
        #expect(table.recordLines == [2, 4])
    }

    @Test func csvParserReportsBrokenInputWithALine() {
        #expect(throws: CoverageError.malformed(path: "t.csv", line: 2, message: "a quoted field is never closed")) {
            try CSVTable.parse("id,text\n1,\"open\n", path: "t.csv")
        }
        #expect(throws: CoverageError.self) { try CSVTable.parse("a,b\n1,2,3\n", path: "t.csv") }
        #expect(throws: CoverageError.self) { try CSVTable.parse("a,b\n1,x\"y\n", path: "t.csv") }
        #expect(throws: CoverageError.self) { try CSVTable.parse("", path: "t.csv") }
    }

    @Test func avgArticleFileErrorsNameTheLine() {
        let bad = "articles:\n  - {article: 120, nl: x, en: y}\n"
        #expect(throws: CoverageError.self) { try CatalogueLoader.parse(.avg, text: bad, path: "a.yaml") }
        let twice = "articles:\n  - {article: 5, nl: x, en: y}\n  - {article: 5, nl: x, en: y}\n"
        #expect(throws: CoverageError.malformed(path: "a.yaml", line: 3, message: "article 5 is listed twice")) {
            try CatalogueLoader.parse(.avg, text: twice, path: "a.yaml")
        }
    }
}
