/// A noun with its indefinite article, for messages and help: `a unit`, `an inspection`,
/// `an enrollment status`. (Every noun of the domain that starts with `u` sounds like "you".)
public func withArticle(_ noun: String) -> String {
    let vowel = noun.first.map { "aeioAEIO".contains($0) } ?? false
    return (vowel ? "an " : "a ") + noun
}
