import CTSDomain
import CTSInterpreter
import CTSLanguage
@testable import CTSShell
import Foundation
import Testing

/// Completion in queries, conditions and reports.
extension CompletionTests {
    // MARK: - Queries

    @Test func collectionsAndClauses() {
        #expect(texts("list ") == EntityKind.allCases.map(\.plural).sorted())
        #expect(texts("count f") == ["findings"])
        #expect(texts("list cadres ") == ["as", "columns", "limit", "sort", "where"])
        #expect(texts("count cadres ") == ["as", "by", "where"])
        #expect(texts("list cadres limit 5 ") == ["as", "columns", "sort", "where"])
        #expect(texts("list cadres limit ") == [])
        #expect(
            texts("list cadres as ") == ["chart", "csv", "html", "json", "markdown", "ndjson", "table", "tsv", "xlsx"])
        #expect(texts("list cadres as c") == ["chart", "csv"])
        #expect(texts("list cadres as csv ") == [])
    }

    @Test func fieldsAndFunctionsInConditions() {
        let c = complete("list cadres where ")
        #expect(c.candidates.map(\.text) == (Self.cadreFields + Self.functions + ["not"]).sorted())
        #expect(c.candidates.first { $0.text == "rank" }?.appendSpace == true)
        #expect(c.candidates.first { $0.text == "unit." }?.appendSpace == false)
        #expect(
            c.candidates.first { $0.text == "hours(" }
                == CompletionCandidate(
                    text: "hours(", detail: "hours(YEAR) | hours(Y1..Y2) | hours(RULE)", appendSpace: false))
        #expect(texts("list cadres where co") == ["compliant(", "count("])
        // Per-cadre functions only over cadres.
        let notPerCadre = Self.functions.filter { !["hours(", "compliant(", "applies("].contains($0) }
        #expect(notPerCadre.count == Self.functions.count - 3)
        #expect(
            texts("list courses where ")
                == ([
                    "capacity", "end", "hours", "id", "kind", "organizer", "organizer.",
                    "provider", "provider.", "start", "title",
                ] + notPerCadre + ["not"]).sorted())
        #expect(texts("list units where count(cadres where ho") == ["hours("])
        #expect(texts("list units where ho") == [])
        #expect(texts("list cadres where not ") == (Self.cadreFields + Self.functions + ["not"]).sorted())
    }

    @Test func dottedPaths() {
        let line = "list cadres where unit."
        let c = complete(line)
        #expect(
            c.candidates.map(\.text) == [
                "unit.id", "unit.kind", "unit.level", "unit.name", "unit.parent", "unit.parent.",
            ])
        #expect(c.wordStart == 18 && c.prefix == "unit." && c.commonPrefix == "unit.")
        #expect(texts("list cadres where unit.le") == ["unit.level"])
        #expect(texts("list enrollments where course.k") == ["course.kind"])
        #expect(texts("list cadres where unit.parent.l") == ["unit.parent.level"])
        #expect(texts("list cadres where rank.x") == [])
        #expect(texts("list cadres where u") == ["unit", "unit."])
        #expect(complete("list cadres where u").commonPrefix == "unit")
    }

    @Test func valuesOnTheRightOfAComparison() {
        #expect(
            texts("list cadres where rank >= ") == ["bureau", "county", "national", "province", "staff", "township"])
        #expect(texts("list cadres where rank != s") == ["staff"])
        #expect(texts("list courses where kind = o") == ["off-job", "online", "overseas"])
        #expect(texts("list cadres where unit = nj") == ["nj", "nj.fin"])
        #expect(texts("list cadres where unit.level = c") == ["central", "city", "county"])
        #expect(texts("list findings where inspection.unit = nj.") == ["nj.fin"])
        #expect(texts("list practices where promoted = ") == ["no", "yes"])
        #expect(texts("list enrollments where cadre = w") == ["w01", "w02"])
        // Not a plain field on the left: operands again.
        #expect(texts("list cadres where born + 1 > bo") == ["born"])
        #expect(texts("list cadres where hours(2009) >= ye") == ["year("])
    }

    @Test func inUnderAndContains() {
        #expect(
            texts("list cadres where rank in (") == ["bureau", "county", "national", "province", "staff", "township"])
        #expect(texts("list cadres where rank in (county, b") == ["bureau"])
        #expect(texts("list cadres where category in (leading, c") == ["civil-servant"])
        #expect(texts("list cadres where rank in ") == ["("])
        #expect(texts("list cadres where unit under ") == ["js", "js.org", "js.ps", "nj", "nj.fin"])
        #expect(texts("list courses where provider under js") == ["js", "js.org", "js.ps"])
        #expect(texts("list cadres where name contains ") == [])
    }

    @Test func ruleIdsInFunctions() {
        let c = complete("list cadres where compliant(")
        #expect(
            c.candidates == [
                CompletionCandidate(text: "lead5y", detail: "Leading cadres: 550 hours in 5 years"),
                CompletionCandidate(text: "yearly", detail: "Every cadre: 12 days a year"),
            ])
        #expect(texts("count cadres where applies(y") == ["yearly"])
        #expect(texts("list cadres where hours(l") == ["lead5y"])
        #expect(texts("list cadres sort hours(") == ["lead5y", "yearly"])
        #expect(texts("list cadres where year(") == (Self.cadreFields + Self.functions).sorted())
    }

    @Test func whatFollowsAnOperand() {
        #expect(texts("list cadres where rank = county ") == ["and", "as", "columns", "limit", "or", "sort"])
        #expect(
            texts("list cadres where name ") == [
                "and", "as", "columns", "contains", "in", "limit", "or", "sort", "under",
            ])
        #expect(texts("list cadres where rank = county a") == ["and", "as"])
        #expect(texts("count cadres where compliant(lead5y) ") == ["and", "as", "by", "contains", "in", "or", "under"])
        #expect(
            texts("list cadres where (rank = county or rank = bureau) ") == [
                "and", "as", "columns", "limit", "or", "sort",
            ])
        #expect(texts("list cadres where (rank = county ") == ["and", "or"])
        #expect(
            texts("list cadres where rank in (county, bureau) ") == ["and", "as", "columns", "limit", "or", "sort"])
    }

    @Test func sortColumnsAndBy() {
        #expect(texts("list cadres where rank = county sort ") == (Self.cadreFields + Self.functions).sorted())
        #expect(texts("list cadres sort rank ") == ["as", "asc", "columns", "desc", "limit", "where"])
        #expect(texts("list cadres sort rank d") == ["desc"])
        #expect(texts("list cadres sort rank desc ") == ["as", "columns", "limit", "where"])
        #expect(texts("list cadres sort rank desc, n") == ["name"])
        #expect(texts("list cadres columns id, ") == (Self.cadreFields + Self.functions).sorted())
        #expect(texts("list cadres columns id, name ") == ["as", "limit", "sort", "where"])
        #expect(texts("count cadres by ") == (Self.cadreFields + Self.functions).sorted())
        #expect(texts("count cadres by rank ") == ["as", "where"])
        #expect(texts("count cadres by u") == ["unit", "unit."])
    }

    @Test func stats() {
        let c = texts("stats ")
        #expect(c.contains("hours(") && c.contains("rank") && c.contains("funds") && c.contains("severity"))
        #expect(c == Set(EntityKind.allCases.flatMap { $0.fields.map(\.name) } + Self.functions).sorted())
        #expect(texts("stats hours(") == ["lead5y", "yearly"])
        #expect(texts("stats hours(2009) ") == ["of"])
        #expect(texts("stats hours(2009) of ") == EntityKind.allCases.map(\.plural).sorted())
        #expect(texts("stats hours(2009) of cadres ") == ["as", "by", "where"])
        #expect(texts("stats hours(2009) of cadres where cat") == ["category"])
        #expect(texts("stats hours(2009) of cadres by rank ") == ["as", "where"])
    }

    @Test func aggregates() {
        #expect(texts("list units where count(") == EntityKind.allCases.map(\.plural).sorted())
        #expect(texts("list units where count(cadres ") == ["where"])
        #expect(texts("list units where count(cadres where ra") == ["rank"])
        #expect(texts("print sum(hours ") == ["of"])
        #expect(texts("print sum(hours of c") == ["cadres", "courses"])
        #expect(texts("print count(findings where severity = ") == ["high", "low", "medium"])
    }

    @Test func printAssertAndLet() {
        #expect(texts("print ") == Self.functions.sorted())
        #expect(texts("print hours(2009) ") == ["as", "of"])
        #expect(
            texts("print hours(2009) of ") == ["cadre", "course", "finding", "inspection", "practice", "rule", "unit"])
        #expect(texts("print hours(2009) of cadre ") == ["c1", "c2", "c3", "w01", "w02"])
        #expect(
            texts("print hours(2009) of cadre c1 as ") == [
                "chart", "csv", "html", "json", "markdown", "ndjson", "table", "tsv", "xlsx",
            ])
        #expect(texts("assert ") == (Self.functions + ["not"]).sorted())
        #expect(texts("let total = cou") == ["count("])
        #expect(texts("echo hello ") == [])
    }

    // MARK: - Reports

    @Test func reports() {
        #expect(texts("report ") == ["budget", "compliance", "courses", "inspections", "plan"])
        #expect(texts("report c") == ["compliance", "courses"])
        #expect(complete("report c").commonPrefix == "co")
        #expect(
            complete("report compliance ").candidates == [
                CompletionCandidate(text: "lead5y", detail: "Leading cadres: 550 hours in 5 years"),
                CompletionCandidate(text: "yearly", detail: "Every cadre: 12 days a year"),
            ])
        #expect(texts("report compliance lead5y ") == ["as", "by", "under"])
        #expect(texts("report compliance lead5y by ") == ["category", "level", "rank", "unit"])
        #expect(texts("report compliance lead5y by rank ") == ["as", "under"])
        #expect(
            texts("report compliance lead5y by rank as ") == [
                "chart", "csv", "html", "json", "markdown", "ndjson", "table", "tsv", "xlsx",
            ])
        #expect(texts("report inspections ") == ["as", "open", "overdue"])
        #expect(texts("report inspections o") == ["open", "overdue"])
        #expect(texts("report budget ") == [])
        #expect(texts("report budget 2009..2010 ") == ["as", "under"])
        #expect(texts("report budget 2009..2010 under nj") == ["nj", "nj.fin"])
        #expect(texts("report courses 2009..2010 ") == ["as"])
    }
}
