/// The quantities and dates of one text, read with one scan and one tokenization: what the
/// classifier asks of each side of an aligned sentence group.
struct Facts: Sendable {
    var quantities: [QuantityMention]
    var dates: [DateMention]

    /// Reads the quantities and dates of `text`. A text without digits, number words, months or
    /// weekdays costs one scan of its bytes.
    init(_ text: String) {
        let needs = FactText.needs(text)
        guard !needs.isEmpty else {
            quantities = []
            dates = []
            return
        }
        let tokens = FactText(text)
        dates = needs.contains(.dates) ? DateParser.mentions(in: tokens) : []
        quantities = needs.contains(.quantities) ? QuantityParser.mentions(in: tokens, dates: dates) : []
    }
}
