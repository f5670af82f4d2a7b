/// The spec's example script (§7, `examples/workshop.cts`) in its sections, for tests that need
/// a small province with every kind of fact the reports read.
///
/// `script` is the file itself (LexerTests checks it against `examples/workshop.cts`, and the
/// golden folder keeps its own copy in `Golden/spec`); `setup` is what the interpreter tests run
/// before their own queries. Tests that need another province build it from these sections.
///
///     let h = Harness()
///     h.run(Workshop.setup)     // units, cadres, courses, rules, enrollments, budgets, findings
public enum Workshop {
    public static let units = #"""
        unit add js "Jiangsu Province" kind=locality level=province
        unit add js.org "Organization Department of Jiangsu" kind=organization level=province parent=js
        unit add js.ps "Jiangsu Provincial Party School" kind=institution level=province parent=js
        unit add nj "Nanjing" kind=locality level=city parent=js
        unit add nj.fin "Nanjing Finance Bureau" kind=department level=city parent=nj
        """#

    public static let cadres = #"""
        cadre add c1 "Li Wei" unit=nj.fin rank=county category=leading born=1966
        cadre add c2 "Wang Fang" unit=nj.fin rank=staff category=civil-servant
        cadre add c3 "Zhang Min – 张敏" unit=js.org rank=bureau category=leading
        """#

    public static let courses = #"""
        course add k1 "Scientific Outlook on Development" kind=off-job provider=js.ps start=2009-03-02 end=2009-04-24 hours=300
        course add k2 "Public Finance Basics" kind=short-term provider=js.ps start=2009-05-11 end=2009-05-22 days=12
        course add k3 "Rural Reform Lecture" kind=lecture provider=js.ps start=2010-06-01 end=2010-06-01 hours=3
        """#

    public static let rules = #"""
        rule add lead5y "Leading cadres at county level and above: 550 hours in 5 years" \
            for=(category = leading and rank >= county) period=2008..2012 hours=550 kinds=off-job,rotation,short-term
        rule add yearly "Every cadre: 12 days of training a year" for=(status = active) period=2009..2009 days=12
        """#

    public static let enrollments = #"""
        enroll c1,c3 in k1
        complete c1,c3 in k1
        enroll c1,c2 in k2
        complete c1 in k2
        absent c2 in k2
        enroll c2 in k3
        complete c2 in k3
        """#

    public static let asserts = #"""
        assert hours(2009) of cadre c1 = 390 "c1 has k1 (300) and k2 (90)"
        assert count(cadres where compliant(lead5y)) = 0
        assert count(cadres where applies(lead5y)) = 2
        assert count(cadres where compliant(yearly)) = 2
        """#

    /// The day the reports are "as of", the budgets, and an inspection with an overdue finding.
    public static let budgetsAndInspections = #"""
        set today 2010-12-01
        budget set nj.fin 2009 funds=1200000 revenue=32000000000
        budget set nj.fin 2010 funds=1260000 revenue=36000000000
        inspection add i1 by=js.org unit=nj.fin date=2010-05-12 scope="Training files"
        finding add f1 inspection=i1 "Training records incomplete for 2009" severity=medium due=2010-08-31
        """#

    public static let queries = #"""
        list cadres where unit under js sort rank desc columns id, name, rank, hours(lead5y) as csv
        report compliance lead5y by unit
        report budget 2009..2010
        report inspections overdue
        """#

    /// The whole script, byte for byte as `examples/workshop.cts` holds it.
    public static let script =
        "#!/usr/bin/env cts\n# A small province, set up for a workshop.\n"
        + [units, cadres, courses, rules, enrollments, asserts, budgetsAndInspections, queries]
        .joined(separator: "\n\n") + "\n"

    /// The script up to its queries and reports, without its asserts: every record and setting.
    public static let setup = [units, cadres, courses, rules, enrollments, budgetsAndInspections]
        .joined(separator: "\n\n")
}
