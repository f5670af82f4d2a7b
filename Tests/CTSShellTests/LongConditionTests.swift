import Foundation
import Testing

/// A rule whose condition is a chain of 5,000 terms survives save and open (issue 7, item 18):
/// every report on it used to crash once the session file was reopened.
@Suite struct LongConditionTests {
    @Test func longRuleConditionThroughASessionFile() throws {
        let scratch = try SessionScratch()
        let chain = (0..<5000).map { "id = c\($0 % 2 + 1)" }.joined(separator: " or ")
        try scratch.write(
            "setup.cts",
            """
            unit add js "Jiangsu" kind=locality level=province
            cadre add c1 "Li Wei" unit=js rank=county category=leading
            cadre add c2 "Wang Fang" unit=js rank=staff category=civil-servant
            cadre add c3 "Zhang Min" unit=js rank=bureau category=leading
            rule add many "Many" for=(\(chain)) period=2008..2012 hours=10
            list cadres where \(chain) columns id as csv

            """)
        let setup = try scratch.cts("-s", "s.ctsdb", "setup.cts")
        #expect(setup.status == 0 && setup.out == "id\nc1\nc2\n", "\(setup)")
        let report = try scratch.cts("-s", "s.ctsdb", "-c", "report compliance many as csv")
        #expect(
            report.status == 0 && report.out.hasPrefix("cadres,compliant,compliant-%,hours-short\n2,0,0,20"),
            "\(report)")
        let dump = try scratch.dump("s.ctsdb")
        #expect(dump.contains("for=(\(chain))"))
    }
}
