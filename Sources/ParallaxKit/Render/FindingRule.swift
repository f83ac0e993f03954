/// A finding category as a rule of the CI formats (a SARIF `reportingDescriptor`, a JUnit test
/// case, a GitHub annotation title): a stable id, a name and what to do about it.
struct FindingRule: Sendable, Hashable {
    let category: FindingCategory

    /// `parallax/<category>`: stable, the id baselines and code-scanning alerts key on.
    var id: String { "parallax/" + category.rawValue }

    /// An upper camel case name, as SARIF recommends for `reportingDescriptor.name`.
    var name: String { category.info.ruleName }

    /// One sentence: what the finding says.
    var shortDescription: String { category.info.summary }

    /// What to do about a finding.
    var help: String { category.info.help }
}
