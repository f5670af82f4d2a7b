/// A closed vocabulary of the domain (spec §2): its words print lowercase as written in
/// the spec, parse case-insensitively, and the ordered ones compare by declaration order.
public protocol DomainEnum: CaseIterable, Hashable, Sendable, Comparable, RawRepresentable<String>
where AllCases == [Self] {
    static var vocabulary: Vocabulary { get }
}

extension DomainEnum {
    public var ordinal: Int { Self.allCases.firstIndex(of: self)! }
    public var enumValue: EnumValue { EnumValue(Self.vocabulary, ordinal) }
    /// The case a word names, in any case; most words are typed lowercase, as they print.
    public init?(word: String) {
        if let e = Self(rawValue: word) {
            self = e
        } else {
            self.init(rawValue: word.lowercased())
        }
    }
    public static func < (a: Self, b: Self) -> Bool { a.ordinal < b.ordinal }
}

public enum UnitKind: String, DomainEnum {
    case locality, department, organization, institution, workplace
    case leadingGroup = "leading-group"
    public static var vocabulary: Vocabulary { .unitKind }
}

public enum Level: String, DomainEnum {
    case central, province, city, county, township
    public static var vocabulary: Vocabulary { .level }
}

public enum Rank: String, DomainEnum {
    case staff, township, county, bureau, province, national
    public static var vocabulary: Vocabulary { .rank }
}

public enum Category: String, DomainEnum {
    case leading
    case civilServant = "civil-servant"
    case enterprise, technical, grassroots, trainer
    public static var vocabulary: Vocabulary { .category }
}

public enum CadreStatus: String, DomainEnum {
    case active, left
    public static var vocabulary: Vocabulary { .cadreStatus }
}

public enum CourseKind: String, DomainEnum {
    case offJob = "off-job"
    case rotation
    case shortTerm = "short-term"
    case lecture, report, online, overseas, practice
    public static var vocabulary: Vocabulary { .courseKind }
}

public enum EnrollmentStatus: String, DomainEnum {
    case enrolled, completed, absent, withdrawn
    public static var vocabulary: Vocabulary { .enrollmentStatus }
}

public enum Severity: String, DomainEnum {
    case low, medium, high
    public static var vocabulary: Vocabulary { .severity }
}

public enum FindingStatus: String, DomainEnum {
    case open, resolved
    public static var vocabulary: Vocabulary { .findingStatus }
}

/// Names every vocabulary, so fields, completion and messages can speak of them generically.
public enum Vocabulary: String, CaseIterable, Hashable, Sendable {
    case unitKind = "unit kind"
    case level
    case rank
    case category
    case cadreStatus = "cadre status"
    case courseKind = "course kind"
    case enrollmentStatus = "enrollment status"
    case severity
    case findingStatus = "finding status"

    /// The words in declaration order.
    public var words: [String] {
        switch self {
        case .unitKind: UnitKind.allCases.map(\.rawValue)
        case .level: Level.allCases.map(\.rawValue)
        case .rank: Rank.allCases.map(\.rawValue)
        case .category: Category.allCases.map(\.rawValue)
        case .cadreStatus: CadreStatus.allCases.map(\.rawValue)
        case .courseKind: CourseKind.allCases.map(\.rawValue)
        case .enrollmentStatus: EnrollmentStatus.allCases.map(\.rawValue)
        case .severity: Severity.allCases.map(\.rawValue)
        case .findingStatus: FindingStatus.allCases.map(\.rawValue)
        }
    }

    /// Whether `<` between two words means something (spec §2 marks rank and severity with `<`).
    public var isOrdered: Bool { self == .rank || self == .severity }

    /// The position of a word, matched case-insensitively.
    public func ordinal(of word: String) -> Int? { words.firstIndex(of: word.lowercased()) }
}

/// An enum value without its Swift type: the vocabulary and the position in it.
public struct EnumValue: Hashable, Sendable, CustomStringConvertible {
    public let vocabulary: Vocabulary
    public let ordinal: Int

    public init(_ vocabulary: Vocabulary, _ ordinal: Int) {
        self.vocabulary = vocabulary
        self.ordinal = ordinal
    }

    public init?(_ vocabulary: Vocabulary, word: String) {
        guard let o = vocabulary.ordinal(of: word) else { return nil }
        self.init(vocabulary, o)
    }

    public var description: String { vocabulary.words[ordinal] }
}
