/// What every part of Parallax needs to know about a finding category: its name as a CI rule,
/// what it means, what to do about it, its default severity and its colours. Each category's
/// rule type owns its entry (``CategoryRule/info``); ``FindingCategory/info`` is the one place
/// that maps a category to it.
public struct CategoryInfo: Sendable, Hashable {
    /// An upper camel case name, as SARIF recommends for `reportingDescriptor.name`.
    public var ruleName: String
    /// One sentence: what the finding says.
    public var summary: String
    /// What to do about a finding.
    public var help: String
    /// The severity a finding of the category has unless the configuration says otherwise.
    public var defaultSeverity: Severity
    /// The terminal style (SGR parameters) of the category's label.
    public var terminalStyle: String
    /// The HTML report's foreground and background colours (both pass WCAG AA together).
    public var htmlColors: (foreground: String, background: String)

    public static func == (x: CategoryInfo, y: CategoryInfo) -> Bool {
        x.ruleName == y.ruleName && x.summary == y.summary && x.help == y.help && x.defaultSeverity == y.defaultSeverity
            && x.terminalStyle == y.terminalStyle && x.htmlColors == y.htmlColors
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(ruleName) }
}

/// A finding category's rule: the type that owns the category's metadata and, for the
/// categories found inside an aligned group, its detection (``GroupRule``).
protocol CategoryRule: Sendable {
    static var category: FindingCategory { get }
    static var info: CategoryInfo { get }
}

/// A rule that finds differences inside one aligned group of sentences.
///
/// The rules run in ``Classifier/rules`` order on one ``GroupAnalysis``. Each adds the findings
/// of its category and marks the words it has accounted for (``GroupAnalysis/explain(a:b:)``):
/// a changed fact that it reported, or a change of form it found equal in meaning
/// (``GroupAnalysis/addForm(a:b:reason:)``). Later rules see only what is left, so a number
/// written another way is neither a number finding nor drift.
protocol GroupRule: CategoryRule {
    static func apply(to group: inout GroupAnalysis)
}

extension FindingCategory {
    /// The rule type that owns the category.
    var rule: any CategoryRule.Type {
        switch self {
        case .addition: AdditionRule.self
        case .omission: OmissionRule.self
        case .drift: DriftRule.self
        case .terminology: TerminologyRule.self
        case .number: NumberRule.self
        case .entity: EntityRule.self
        case .attribution: AttributionRule.self
        case .negation: NegationRule.self
        case .moved: MovedRule.self
        case .formatting: FormattingRule.self
        }
    }

    /// The category's metadata, from its rule.
    public var info: CategoryInfo { rule.info }
}

// MARK: - Categories reported outside a group

/// Sentences out of the order the accounts otherwise keep (found by the report builder from the
/// aligner's heaviest chain).
enum MovedRule: CategoryRule {
    static let category = FindingCategory.moved
    static let info = CategoryInfo(
        ruleName: "SentenceMoved",
        summary: "Aligned sentences that are out of the order the accounts otherwise keep.",
        help: "Usually harmless: the accounts tell the same thing in a different order.",
        defaultSeverity: .info, terminalStyle: "1;34", htmlColors: ("#0f6369", "#d8f3f6"))
    static let message = "Moved: B tells this at another point of the story than A."
}
