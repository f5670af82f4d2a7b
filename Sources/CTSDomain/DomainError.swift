/// A rule of the domain that a command would break. It names the field at fault when there is
/// one, so the interpreter can point the caret at that argument; it is the domain phase's
/// `Problem`.
///
/// The rule broken is a `Kind` with its arguments; its sentence is declared in `message`,
/// below the cases, case by case.
///
///     throw DomainError(.courseFull(course: "k9", capacity: 2), field: "course")
///     // "course k9 is full (capacity 2)"
public struct DomainError: Problem {
    public enum Kind: Hashable, Sendable {
        // MARK: Field values (the FieldReader, Session+Records and Session+Fields)

        /// A field the kind does not have (`makeRecord`, `set`), with the closest field name.
        case noSuchField(EntityKind, field: String, suggestion: String?)
        /// `set` on a field that is part of the id or key.
        case fieldNotSettable(EntityKind, field: String)
        /// `set field=null` on a field that must have a value.
        case fieldRequired(EntityKind, field: String)
        /// A record made without a field it needs.
        case missingField(EntityKind, field: String)
        /// A value of the wrong type; `expected` is its description ("a number").
        case wrongType(field: String, expected: String, found: Value)
        /// An id that is empty or has spaces.
        case idNotOneWord(String)
        /// An id holding a character no word has (a control, a line separator, a bidi
        /// override): `scalar` is the first one.
        case invisibleCharacter(field: String, scalar: Unicode.Scalar)
        /// A name, title or text that is empty or only blanks.
        case blankText(field: String)
        /// An amount (hours, money) too large to be kept exactly, with too many decimals, or with
        /// more significant digits than a double keeps.
        case amountTooLarge(field: String, Number)
        case tooManyDecimals(field: String, Number)
        case tooManyDigits(field: String, Number)
        /// A count that is not a whole number of 0 or more.
        case notACount(field: String, Number)
        case notAYear(field: String, Number)
        /// Text that is not a real date written YYYY-MM-DD.
        case notADate(field: String, text: String)
        /// A word not in the field's vocabulary; without a suggestion the message lists the words.
        case unknownWord(Vocabulary, word: String, suggestion: String?)
        /// An id of the kind that no record has, with the closest id.
        case unknownID(EntityKind, id: String, suggestion: String?)
        /// A unit of the wrong kind in a field only one kind may fill (a course's provider):
        /// `suggestions` are the units of the right kind the raiser found near it (up to three
        /// are shown, then "…").
        case wrongUnitKind(
            unit: String, is: UnitKind, field: String, of: EntityKind, mustBe: UnitKind, suggestions: [String])

        // MARK: Checks across fields (the declarations in Entities/)

        /// A rule's or course's hours of zero or less.
        case hoursNotPositive(Number)
        /// An amount below zero (funds, revenue, spent, hours).
        case negative(field: String)
        case capacityBelowOne
        case endsBeforeStart(course: String, end: Day, start: Day)
        /// A unit placed under itself or under a unit below it.
        case unitUnderItself(unit: String, parent: String)
        case resolvedWithoutDate
        case openWithResolvedDate
        /// An inspection dated after one of its findings was resolved.
        case inspectionAfterResolution(inspection: String, date: Day, finding: String, resolved: Day)
        /// An inspection dated after one of its findings was due.
        case inspectionAfterDue(inspection: String, date: Day, finding: String, due: Day)
        /// A finding due before the inspection that found it.
        case dueBeforeInspection(finding: String, due: Day, inspected: Day)

        // MARK: Operations (Session+Operations, CSV import)

        /// `add` of an id or key that exists (`name` is the record's id or key).
        case alreadyExists(EntityKind, name: String)
        /// A slot with no record in it.
        case noSuchRecord(EntityKind)
        /// A capacity set below the places already taken.
        case capacityBelowEnrolled(course: String, enrolled: Int, capacity: Int)
        /// An institution that provides courses changed to another kind of unit.
        case mustStayInstitution(unit: String, courses: Int)
        /// `remove` without `cascade` of a record others refer to (`name` is its id or key).
        case referredTo(EntityKind, name: String, by: [Referrers])
        /// An enrollment of a cadre who has left.
        case cadreLeft(cadre: String)
        /// An enrollment of the cadre in the course exists already.
        case alreadyCompleted(cadre: String, course: String)
        case alreadyEnrolled(cadre: String, status: EnrollmentStatus, course: String)
        /// Credited hours of zero or less, with more than 3 decimals, or more than the course is
        /// worth.
        case nonPositiveHours
        case creditedTooPrecise(Number)
        case creditOverCourse(course: String, worth: Number, credited: Number)
        /// A completion dated before its course starts.
        case completedBeforeStart(date: Day, course: String, start: Day)
        /// Hours or a date on an enrollment that is not completed.
        case hoursWhenNotCompleted(EnrollmentStatus)
        case dateWhenNotCompleted(EnrollmentStatus)
        /// One enrollment too many for the course's capacity.
        case courseFull(course: String, capacity: Int)
        /// `complete`, `absent` or `withdraw` of a cadre never enrolled in the course, or whose
        /// enrollment is no longer `enrolled`.
        case neverEnrolled(Step, cadre: String, course: String)
        case enrollmentClosed(Step, cadre: String, course: String, status: EnrollmentStatus)
        case alreadyExempt(cadre: String, rule: String)
        case exemptionNeedsReason
        /// `finding resolve` of a finding resolved already (on `on`, if it says when).
        case alreadyResolved(finding: String, on: Day?)
        /// A finding resolved before the inspection that found it.
        case resolvedBeforeInspection(finding: String, date: Day, inspected: Day)

        // MARK: Rule conditions as imported (CSVImporter)

        /// A rule's `for` as imported: not one line, a variable, unbalanced parentheses, or a
        /// problem of the condition itself (its sentence, from the lexer, parser or binder).
        case conditionNotOneLine
        case conditionVariable(String)
        case conditionUnmatchedClose
        case conditionUnclosed
        case badCondition(String)
    }

    /// The step of an enrollment a cadre must be `enrolled` for; its raw value is the verb.
    public enum Step: String, Hashable, Sendable {
        case complete
        case markAbsent = "mark absent"
        case withdraw
    }

    /// How many records of one kind refer to a record (`remove` without `cascade`).
    public struct Referrers: Hashable, Sendable {
        public var kind: EntityKind
        public var count: Int

        public init(_ kind: EntityKind, _ count: Int) {
            self.kind = kind
            self.count = count
        }
    }

    public var kind: Kind
    /// The field (option name) whose value is at fault, if any.
    public var field: String?

    public init(_ kind: Kind, field: String? = nil) {
        self.kind = kind
        self.field = field
    }

    public var phase: Phase { .domain }

    public var message: String { kind.message }
}

// The sentence of each rule of the domain (spec §5: what is wrong, then how to fix it). The
// golden scripts check these byte for byte.

extension DomainError.Kind {
    public var message: String {
        switch self {
        // Field values
        case .noSuchField(let kind, let field, let suggestion):
            "\(kind.singular) has no field '\(field)'\(Suggestion.hint(suggestion))"
        case .fieldNotSettable(let kind, let field):
            "the \(field) of a \(kind.singular) cannot be changed; remove it and add it again"
        case .fieldRequired(let kind, let field): "\(field) is required for a \(kind.singular)"
        case .missingField(let kind, let field): "\(kind.singular) needs \(field)=…"
        case .wrongType(let field, let expected, let found):
            "\(field) must be \(expected), not \(found.typeName) '\(found)'"
        case .idNotOneWord(let text): "an id is one word without spaces, not '\(text)'"
        case .invisibleCharacter(let field, let scalar):
            "an \(field) is one word of visible characters; it cannot hold U+\(Self.hex(scalar))"
        case .blankText(let field): "\(field) cannot be empty"
        case .amountTooLarge(let field, let n):
            "\(field) is too large: cts keeps amounts exactly below 1000000000000000, not \(n)"
        case .tooManyDecimals(let field, let n): "\(field) must have at most 3 decimals, not \(n)"
        case .tooManyDigits(let field, let n):
            "\(field) has more digits than cts keeps exactly (15 significant digits), not \(n)"
        case .notACount(let field, let n): "\(field) must be a whole number of 0 or more, not \(n)"
        case .notAYear(let field, let n): "\(field) must be a year such as 2009, not \(n)"
        case .notADate(let field, let text): "\(field) must be a real date written YYYY-MM-DD, not '\(text)'"
        case .unknownWord(let vocabulary, let word, let suggestion):
            "unknown \(vocabulary.rawValue) '\(word)'"
                + Suggestion.hint(
                    suggestion, otherwise: "; expected one of \(vocabulary.words.joined(separator: ", "))")
        case .unknownID(let kind, let id, let suggestion):
            "unknown \(kind.singular) '\(id)'\(Suggestion.hint(suggestion))"
        case .wrongUnitKind(let unit, let found, let field, let kind, let only, let suggestions):
            "\(unit) is \(withArticle(found.rawValue)) unit; the \(field) of \(withArticle(kind.singular)) "
                + "must be \(withArticle(only.rawValue))\(Self.hint(suggestions))"

        // Checks across fields
        case .hoursNotPositive(let hours): "hours must be more than 0, not \(hours)"
        case .negative(let field): "\(field) cannot be negative"
        case .capacityBelowOne: "capacity must be at least 1"
        case .endsBeforeStart(let course, let end, let start):
            "course \(course) ends (\(end)) before it starts (\(start))"
        case .unitUnderItself(let unit, let parent) where unit == parent:
            "unit \(unit) cannot be its own parent"
        case .unitUnderItself(let unit, let parent):
            "unit \(unit) cannot be placed under \(parent): that unit is below it"
        case .resolvedWithoutDate: "a resolved finding needs the date it was resolved"
        case .openWithResolvedDate: "an open finding has no resolved date; use 'finding resolve'"
        case .inspectionAfterResolution(let inspection, let date, let finding, let resolved):
            "inspection \(inspection) cannot be dated \(date): its finding \(finding) "
                + "was resolved before that, on \(resolved)"
        case .inspectionAfterDue(let inspection, let date, let finding, let due):
            "inspection \(inspection) cannot be dated \(date): its finding \(finding) was due before that, on \(due)"
        case .dueBeforeInspection(let finding, let due, let inspected):
            "finding \(finding) cannot be due on \(due), before its inspection (\(inspected))"

        // Operations
        case .alreadyExists(let kind, let name):
            "\(kind.singular) \(name) already exists; use '\(kind.singular) set' to change it"
        case .noSuchRecord(let kind): "no such \(kind.singular)"
        case .capacityBelowEnrolled(let course, let enrolled, let capacity):
            "course \(course) already has \(enrolled) enrolled, more than a capacity of \(capacity)"
        case .mustStayInstitution(let unit, let courses):
            "unit \(unit) provides \(Session.counted(courses, .course)), so it must stay an institution"
        case .referredTo(let kind, let name, let referrers):
            "\(kind.singular) \(name) is referred to by "
                + Session.listing(referrers.map { Session.counted($0.count, $0.kind) })
                + "; use '\(kind.singular) remove \(name) cascade' to remove them too"
        case .cadreLeft(let cadre): "cadre \(cadre) has left and cannot be enrolled"
        case .alreadyCompleted(let cadre, let course): "cadre \(cadre) has already completed course \(course)"
        case .alreadyEnrolled(let cadre, let status, let course):
            "cadre \(cadre) is already \(status.rawValue) in course \(course)"
        case .nonPositiveHours: "credited hours must be more than 0"
        case .creditedTooPrecise(let credited): "credited hours must have at most 3 decimals, not \(credited)"
        case .creditOverCourse(let course, let worth, let credited):
            "course \(course) is worth \(worth) hours; cannot credit \(credited)"
        case .completedBeforeStart(let date, let course, let start):
            "completion date \(date) is before course \(course) starts (\(start))"
        case .hoursWhenNotCompleted(let status):
            "only a completed enrollment has hours (this one is \(status.rawValue))"
        case .dateWhenNotCompleted(let status):
            "only a completed enrollment has a date (this one is \(status.rawValue))"
        case .courseFull(let course, let capacity): "course \(course) is full (capacity \(capacity))"
        case .neverEnrolled(let step, let c, let k):
            "cannot \(step.rawValue) \(c) in \(k): \(c) was never enrolled in \(k) (use 'enroll \(c) in \(k)' first)"
        case .enrollmentClosed(let step, let c, let k, let status):
            "cannot \(step.rawValue) \(c) in \(k): the enrollment is already \(status.rawValue)"
        case .alreadyExempt(let cadre, let rule): "cadre \(cadre) is already exempt from rule \(rule)"
        case .exemptionNeedsReason: "an exemption needs a reason"
        case .alreadyResolved(let finding, let day):
            "finding \(finding) was already resolved on \(day.map(\.description) ?? "?")"
        case .resolvedBeforeInspection(let finding, let date, let inspected):
            "finding \(finding) cannot be resolved on \(date), before its inspection (\(inspected))"

        // Rule conditions as imported
        case .conditionNotOneLine: "for must be one condition on one line, such as rank >= county"
        case .conditionVariable(let name): "for cannot use $\(name) here: variables are not kept with a rule"
        case .conditionUnmatchedClose: "for has a ')' without its '('"
        case .conditionUnclosed: "for has a '(' that is never closed"
        case .badCondition(let problem): "for: \(problem)"
        }
    }

    /// ` (did you mean 'x'?)`, ` (did you mean one of 'a', 'b', 'c', …?)`, or nothing.
    private static func hint(_ suggestions: [String]) -> String {
        switch suggestions.count {
        case 0: ""
        case 1: Suggestion.hint(suggestions[0])
        default:
            " (did you mean one of " + suggestions.prefix(3).map { "'\($0)'" }.joined(separator: ", ")
                + (suggestions.count > 3 ? ", …" : "") + "?)"
        }
    }

    /// `000A`: at least four upper-case hex digits, as Unicode writes code points.
    private static func hex(_ scalar: Unicode.Scalar) -> String {
        let digits = String(scalar.value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
