/// A finding category as a rule of the CI formats (a SARIF `reportingDescriptor`, a JUnit test
/// case, a GitHub annotation title): a stable id, a name and what to do about it.
struct FindingRule: Sendable, Hashable {
    let category: FindingCategory

    /// `parallax/<category>`: stable, the id baselines and code-scanning alerts key on.
    var id: String { "parallax/" + category.rawValue }

    /// An upper camel case name, as SARIF recommends for `reportingDescriptor.name`.
    var name: String {
        switch category {
        case .addition: "ContentAdded"
        case .omission: "ContentOmitted"
        case .drift: "WordingDrift"
        case .terminology: "TerminologyVariant"
        case .number: "NumberDiffers"
        case .entity: "EntityOnOneSide"
        case .attribution: "AttributionDiffers"
        case .negation: "NegationOrModalityChanged"
        case .moved: "SentenceMoved"
        case .formatting: "FormattingOnly"
        case .boilerplate: "Boilerplate"
        case .duplicate: "DuplicateParagraph"
        }
    }

    /// One sentence: what the finding says.
    var shortDescription: String {
        switch category {
        case .addition: "Content only in B: the second account says something the first does not."
        case .omission: "Content only in A: the second account leaves out something the first says."
        case .drift: "Aligned sentences whose wording differs."
        case .terminology: "A glossary variant: the accounts use different terms from one equivalence class."
        case .number: "A number or date differs between the accounts, or is missing from one."
        case .entity: "A name or acronym appears on one side only."
        case .attribution: "The same words are attributed to a different speaker."
        case .negation: "Negation or modality changed between the accounts."
        case .moved: "Aligned sentences that are out of the order the accounts otherwise keep."
        case .formatting: "A difference that vanishes under folding (case, punctuation, hyphenation, spelling)."
        case .boilerplate: "Page chrome (bylines, link teasers, share footers) left out of the comparison."
        case .duplicate: "A paragraph repeated verbatim."
        }
    }

    /// What to do about a finding.
    var help: String {
        switch category {
        case .addition: "Check that what B adds is supported by a source; remove it or accept it into the baseline."
        case .omission: "Check whether B should carry what A says here; restore it or accept the omission into the baseline."
        case .drift: "Read both sentences: the meaning should be the same although the words differ."
        case .terminology: "Use one term of the glossary class consistently, or accept the variant."
        case .number: "Check the number or date against the source: numbers should agree exactly."
        case .entity: "Check that the name or acronym should be on one side only."
        case .attribution: "Check who said it: the accounts should attribute the words to the same speaker."
        case .negation: "Check the negation or modality (not, must, may): it changes the meaning."
        case .moved: "Usually harmless: the accounts tell the same thing in a different order."
        case .formatting: "Usually harmless: the words are equal after folding."
        case .boilerplate: "Informational: this text was not compared."
        case .duplicate: "Informational: the repeated paragraph was compared once."
        }
    }
}
