/// `help demo`: what the demo province (`cts --demo`) holds and what to ask it. Its facts are
/// checked against the province itself (DemoProvinceTests), so they cannot drift from it.
extension Help {
    static var demo: String {
        let demo = ProvinceGenerator.demo
        let cities = ProvinceGenerator.cities.prefix(demo.shape.cities)
        return """
            The demo province: cts --demo (in memory), cts -s FILE --demo (into a new file),
            or at an empty prompt: \(demo.command).
              units    Jiangnan Province (jn); cities \
            \(cities.map { "\($0.code) \($0.english)" }.joined(separator: ", ")),
                       with \(demo.shape.countiesPerCity) counties each (qh.dh, qh.xs, ...). Every locality has its
                       organization department (.org), party school (.ps) and departments
                       (.fin, .edu, .agr; cities and the province also .ca, .drc);
                       the province also runs the Academy of Governance (jn.aa).
              cadres   c0001 ... c\(demo.cadres), Chinese names, a few in pinyin
              courses  k001 ... k\(demo.shape.courses) of every kind, 2008 to 2012, about 5 per cadre
              rules    lead5y  leading cadres at county level and above: 550 hours
                               in 2008..2012 in off-job, rotation and short-term courses
                       y2012   every active cadre: 12 days (90 hours) in 2012
              money    budgets with fiscal revenue 2008..2012 (some funds lag), plans 2012
              checks   inspections i001 ..., findings (open, overdue, resolved), practices
            today is fixed at \(ProvinceGenerator.today). Try:
              report compliance lead5y by level as chart
              report compliance lead5y by unit under qh as chart
              list cadres where applies(lead5y) and not compliant(lead5y) limit 5
              report budget 2008..2012 under bs
              report inspections overdue
              report plan 2012
              cadre show c0003
            """
    }
}
