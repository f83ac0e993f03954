/// Where a finding sits when the report is read along A: a finding on A sentences at its first
/// sentence; a finding on B alone just after the A sentence that the nearest linked B sentence
/// before it answers to. Byte offsets are compared only within one side.
struct ReadingOrder {
    /// For each B sentence, the A position it is read at (half a step after an A sentence).
    private let positionOfB: [Double]

    init(_ alignments: [Alignment], sentencesOfB: Int) {
        var linked = [Int?](repeating: nil, count: sentencesOfB)
        for group in alignments {
            guard let first = group.a.min() else { continue }
            for b in group.b where b < sentencesOfB { linked[b] = min(linked[b] ?? first, first) }
        }
        var positions: [Double] = []
        positions.reserveCapacity(sentencesOfB)
        var last = -0.5
        for b in 0..<sentencesOfB {
            if let a = linked[b] { last = Double(a) + 0.5 }
            positions.append(last)
        }
        positionOfB = positions
    }

    /// The report's documents: B's sentence count from the second.
    init(_ report: Report) {
        self.init(report.alignments, sentencesOfB: report.documents.count > 1 ? report.documents[1].sentences.count : 0)
    }

    /// Position along A (a sentence index; half a step after one for a finding on B alone), B's
    /// first sentence, and the byte offset on the side that gives the position.
    func key(_ finding: Finding) -> (position: Double, b: Int, start: Int) {
        let bSentence = finding.b?.sentenceList.lowest ?? -1
        if let a = finding.a {
            return (Double(a.sentenceList.lowest ?? -1), bSentence, a.start)
        }
        let position = bSentence >= 0 && bSentence < positionOfB.count ? positionOfB[bSentence] : -0.5
        return (position, bSentence, finding.b?.start ?? 0)
    }
}
