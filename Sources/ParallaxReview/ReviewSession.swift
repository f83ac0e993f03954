import ParallaxKit

/// The state of a `parallax review` of one pair, and what each key does to it: a pure state
/// machine (no terminal, no files). The CLI feeds it keys, draws it with ``ReviewScreen``, and
/// when it says so, saves ``savedBaseline(_:)`` and appends ``logEntries(time:)``.
public struct ReviewSession: Sendable {
    /// What a person decided about a finding.
    public enum Decision: Sendable, Hashable {
        case accepted
        /// Left failing, with the note given (nil when none).
        case rejected(note: String?)
        /// Passed over in this session; still to review.
        case skipped

        /// Accepted or rejected: no longer waiting for a decision.
        public var isFinal: Bool { self != .skipped }
    }

    /// What the screen is showing, and so what keys mean.
    public enum Mode: Sendable, Hashable {
        /// A finding, keys decide and move.
        case finding
        /// The list of keys; any key returns.
        case help
        /// The note for a rejection being typed (`all`: for every remaining finding).
        case note(LineEditor, all: Bool)
        /// A search being typed.
        case search(LineEditor)
        /// Nothing left after the last decision: the counts, and how to leave.
        case summary
        /// Asking whether to quit and lose this session's decisions.
        case confirmDiscard
        /// Asking whether to accept, reject or skip every remaining finding.
        case confirmAll(BulkAction)
    }

    /// `A`, `R`, `S`: one decision for the current finding and every later one still open.
    public enum BulkAction: Sendable, Hashable {
        case accept, reject, skip

        public var verb: String {
            switch self {
            case .accept: "Accept"
            case .reject: "Reject"
            case .skip: "Skip"
            }
        }
    }

    /// What the caller should do after a key.
    public enum Outcome: Sendable, Hashable {
        case stay
        /// Save the decisions and pins, then quit.
        case save
        /// Quit without saving.
        case discard
        /// Ctrl-C: quit without saving, as interrupted.
        case interrupt
        /// Draw the whole screen again.
        case redraw
    }

    public let report: Report
    /// The pair's name in the baseline.
    public let pair: String
    /// Indices into `report.findings`, in document order (the order of `parallax compare`).
    public let order: [Int]
    /// Fingerprints of each document's sentences (``Document/fingerprint(ofSentence:)``), for pins.
    let fingerprints: [[String]]

    /// Position in `order` of the finding shown.
    public private(set) var position: Int
    /// Decisions by finding fingerprint: those loaded, and this session's.
    public private(set) var decisions: [String: Decision]
    /// The decisions as loaded (accepted in the baseline, rejected in the log).
    public let loaded: [String: Decision]
    public private(set) var mode: Mode = .finding
    /// `w`: show the finding's sentences whole, without context.
    public private(set) var whole = false
    /// A line for the person: what the last key did.
    public private(set) var status: String?
    /// Pins and unlinks made in this session.
    public private(set) var pins: [Baseline.Pin] = []
    /// The last search, repeated by an empty one.
    public private(set) var lastSearch = ""
    /// The words the last search found in the finding shown, until the next key: the screen
    /// scrolls them into view.
    public private(set) var searchHit: String?

    /// - Parameters:
    ///   - report: The comparison of the pair (with the baseline's pins honoured).
    ///   - pair: The pair's name in the baseline (``PairIdentity/key``).
    ///   - baseline: The baseline: its accepted findings of `pair` count as reviewed.
    ///   - log: The review log: findings whose latest entry is a rejection count as reviewed.
    ///   - fingerprints: Fingerprints of the sentences of A and of B, for pins.
    ///
    /// It opens on the first finding not yet decided at or after the one the log says the last
    /// review stopped on (``ReviewLog/stoppedAt(in:pair:)``), else on the first one not decided.
    public init(
        report: Report, pair: String, baseline: Baseline = Baseline(), log: [ReviewLogEntry] = [], fingerprints: [[String]] = [[], []]
    ) {
        self.report = report
        self.pair = pair
        self.order = ReportLayout(report).findingOrder()
        self.fingerprints = fingerprints
        var decisions: [String: Decision] = [:]
        let present = Set(report.findings.map(\.id))
        for (id, note) in ReviewLog.rejections(in: log, pair: pair) where present.contains(id) {
            decisions[id] = .rejected(note: note)
        }
        for id in baseline.ids(for: pair) where present.contains(id) { decisions[id] = .accepted }
        self.decisions = decisions
        self.loaded = decisions
        self.position = 0
        let open = order.indices.filter { decisions[report.findings[order[$0]].id] == nil }
        let stopped = ReviewLog.stoppedAt(in: log, pair: pair).flatMap { id in order.firstIndex { report.findings[$0].id == id } }
        if let first = open.first(where: { $0 >= (stopped ?? 0) }) ?? open.first {
            position = first
        } else {
            mode = .summary
        }
    }

    // MARK: - Reading the state

    /// The finding shown (nil when there are none).
    public var current: Finding? {
        position < order.count ? report.findings[order[position]] : nil
    }

    public func decision(of finding: Finding) -> Decision? { decisions[finding.id] }

    /// Counts over the report's findings.
    public var counts: (accepted: Int, rejected: Int, open: Int) {
        var accepted = 0
        var rejected = 0
        for finding in report.findings {
            switch decisions[finding.id] {
            case .accepted: accepted += 1
            case .rejected: rejected += 1
            default: break
            }
        }
        return (accepted, rejected, report.findings.count - accepted - rejected)
    }

    /// Findings whose decision this session changed (skips aside), in document order.
    public var changes: [(finding: Finding, decision: Decision)] {
        order.compactMap { i in
            let finding = report.findings[i]
            guard let decision = decisions[finding.id], decision.isFinal, decision != loaded[finding.id] else { return nil }
            return (finding, decision)
        }
    }

    /// Whether quitting without saving would lose anything.
    public var hasUnsavedWork: Bool { !changes.isEmpty || !pins.isEmpty || removedAcceptances > 0 }

    /// Findings accepted when loaded that this session rejected (they leave the baseline).
    private var removedAcceptances: Int {
        loaded.filter { $0.value == .accepted && decisions[$0.key] != .accepted }.count
    }

    // MARK: - Keys

    /// Applies a key and says what the caller should do.
    @discardableResult
    public mutating func handle(_ key: ReviewKey) -> Outcome {
        if key == .interrupt { return .interrupt }
        if key == .redraw { return .redraw }
        switch mode {
        case .finding: return handleFinding(key)
        case .help:
            mode = order.isEmpty ? .summary : .finding
            return .stay
        case .note(var editor, let all):
            switch editor.handle(key) {
            case .editing: mode = .note(editor, all: all)
            case .cancelled:
                mode = .finding
                status = "Not rejected."
            case .committed(let text):
                let note = text.trimmedOfWhitespace
                reject(note: note.isEmpty ? nil : note, all: all)
            }
            return .stay
        case .search(var editor):
            switch editor.handle(key) {
            case .editing: mode = .search(editor)
            case .cancelled: mode = .finding
            case .committed(let text):
                mode = .finding
                search(text.isEmpty ? lastSearch : text)
            }
            return .stay
        case .summary:
            switch key {
            case .character("q"): return .save
            case .character("Q"), .character("x"): return quitWithoutSaving()
            case .character("k"), .up, .left, .character("j"), .down, .right, .character("g"), .home:
                if !order.isEmpty {
                    position = order.count - 1
                    mode = .finding
                }
            case .character("n"): nextUnreviewed(from: -1, leaveIfNone: false)
            case .character("?"): mode = .help
            default: break
            }
            return .stay
        case .confirmDiscard:
            if key == .character("y") || key == .character("Y") { return .discard }
            mode = current == nil ? .summary : .finding
            status = "Still reviewing."
            return .stay
        case .confirmAll(let action):
            guard key == .character("y") || key == .character("Y") else {
                mode = .finding
                status = "Nothing \(action == .skip ? "skipped" : action == .accept ? "accepted" : "rejected")."
                return .stay
            }
            let ids = remaining()
            switch action {
            case .accept:
                for id in ids { decisions[id] = .accepted }
                mode = .summary
                status = "Accepted \(ids.count) finding\(ids.count == 1 ? "" : "s")."
            case .skip:
                for id in ids where decisions[id] == nil { decisions[id] = .skipped }
                mode = .summary
                status = "Skipped \(ids.count) finding\(ids.count == 1 ? "" : "s")."
            case .reject:
                mode = .note(LineEditor(), all: true)
            }
            return .stay
        }
    }

    private mutating func handleFinding(_ key: ReviewKey) -> Outcome {
        status = nil
        searchHit = nil
        guard let finding = current else {
            mode = .summary
            return .stay
        }
        switch key {
        case .character("a"):
            decisions[finding.id] = .accepted
            advance()
        case .character("r"):
            mode = .note(
                LineEditor(text: decisions[finding.id].flatMap { if case .rejected(let n) = $0 { n } else { nil } } ?? ""), all: false)
        case .character("s"):
            if decisions[finding.id] == nil { decisions[finding.id] = .skipped }
            advance()
        case .character("A"): mode = .confirmAll(.accept)
        case .character("R"): mode = .confirmAll(.reject)
        case .character("S"): mode = .confirmAll(.skip)
        case .character("j"), .down, .right, .character(" "), .pageDown:
            if position + 1 < order.count { position += 1 } else { mode = .summary }
        case .character("k"), .up, .left, .pageUp:
            if position > 0 { position -= 1 } else { status = "This is the first finding." }
        case .home, .character("g"): position = 0
        case .end, .character("G"): position = order.count - 1
        case .character("n"): nextUnreviewed(from: position, leaveIfNone: false)
        case .character("/"): mode = .search(LineEditor())
        case .character("?"): mode = .help
        case .character("w"): whole.toggle()
        case .character("u"): pin(finding, link: false)
        case .character("p"): pin(finding, link: true)
        case .character("q"): return .save
        case .character("Q"), .character("x"): return quitWithoutSaving()
        default: break
        }
        return .stay
    }

    private mutating func quitWithoutSaving() -> Outcome {
        guard hasUnsavedWork else { return .discard }
        mode = .confirmDiscard
        return .stay
    }

    /// The current finding and the later ones not yet accepted or rejected.
    private func remaining() -> [String] {
        remainingFindings().map(\.id)
    }

    private func remainingFindings() -> [Finding] {
        guard position < order.count else { return [] }
        return order[position...].map { report.findings[$0] }.filter { decisions[$0.id]?.isFinal != true }
    }

    /// What `A`, `R` or `S` would cover: the current finding and the later ones still open, and
    /// how many of them are errors.
    public var bulkScope: (findings: Int, errors: Int) {
        let remaining = remainingFindings()
        return (remaining.count, remaining.filter { $0.severity == .error }.count)
    }

    private mutating func reject(note: String?, all: Bool) {
        mode = .finding
        if all {
            let ids = remaining()
            for id in ids { decisions[id] = .rejected(note: note) }
            mode = .summary
            status = "Rejected \(ids.count) finding\(ids.count == 1 ? "" : "s")."
        } else if let finding = current {
            decisions[finding.id] = .rejected(note: note)
            advance()
        }
    }

    /// After a decision: the next finding after this one not yet decided (skipped ones stay
    /// behind), or the summary when none is left.
    private mutating func advance() {
        if let next = order.indices.dropFirst(position + 1).first(where: { decisions[report.findings[order[$0]].id] == nil }) {
            position = next
        } else {
            mode = .summary
        }
    }

    /// The next finding after `from` (wrapping) not accepted or rejected.
    private mutating func nextUnreviewed(from: Int, leaveIfNone: Bool) {
        let n = order.count
        guard n > 0 else { return }
        for step in 1...n {
            let i = ((from + step) % n + n) % n
            if decisions[report.findings[order[i]].id]?.isFinal != true {
                position = i
                mode = .finding
                return
            }
        }
        status = "Every finding is accepted or rejected."
    }

    /// Moves to the next finding after the current one (wrapping) whose category, severity,
    /// message, words or sentences contain `query`, ignoring case; "accepted" finds the accepted
    /// findings, "uncertain" those on uncertain links (and the reason why).
    private mutating func search(_ query: String) {
        lastSearch = query
        guard !query.isEmpty, !order.isEmpty else { return }
        let needle = query.lowercased()
        let n = order.count
        for step in 1...n {
            let i = (position + step) % n
            if haystack(report.findings[order[i]]).contains(needle) {
                position = i
                searchHit = query
                status = step == n ? "Only this finding matches \u{201C}\(query)\u{201D}." : nil
                return
            }
        }
        status = "No finding matches \u{201C}\(query)\u{201D}."
    }

    private func haystack(_ finding: Finding) -> String {
        var parts = [finding.category.rawValue, finding.severity.rawValue, finding.message, finding.a?.text ?? "", finding.b?.text ?? ""]
        if finding.accepted || decisions[finding.id] == .accepted { parts.append("accepted") }
        if let reason = finding.uncertainReason { parts += ["uncertain", reason] }
        for (side, span) in [finding.a, finding.b].enumerated() {
            guard let span, side < report.documents.count else { continue }
            for index in span.sentences {
                if let sentence = ReportLayout.sentence(index, in: report.documents[side]) { parts.append(sentence.text) }
            }
        }
        return parts.joined(separator: "\n").lowercased()
    }

    /// `u` / `p`: unlinks or pins every pair of the finding's A and B sentences.
    private mutating func pin(_ finding: Finding, link: Bool) {
        let a = finding.a?.sentences ?? []
        let b = finding.b?.sentences ?? []
        guard !a.isEmpty, !b.isEmpty else {
            status = "\(link ? "Pin" : "Unlink") needs a sentence on each side; this finding has \(a.isEmpty ? "none in A" : "none in B")."
            return
        }
        guard report.documents.count == 2, fingerprints.count == 2 else { return }
        var made = 0
        for i in a {
            for j in b {
                guard i < fingerprints[0].count, j < fingerprints[1].count,
                    let sa = ReportLayout.sentence(i, in: report.documents[0]),
                    let sb = ReportLayout.sentence(j, in: report.documents[1])
                else { continue }
                let pin = Baseline.Pin(
                    pair: pair, pin: SentencePin(a: fingerprints[0][i], b: fingerprints[1][j], link: link), aText: sa.text, bText: sb.text)
                pins.removeAll { $0.pin.a == pin.pin.a && $0.pin.b == pin.pin.b }
                pins.append(pin)
                made += 1
            }
        }
        let names = "A \(a.map { String($0 + 1) }.joined(separator: ",")) \u{2194} B \(b.map { String($0 + 1) }.joined(separator: ","))"
        status =
            made == 0
            ? "The finding's sentences are not in the report."
            : "\(link ? "Pinned" : "Unlinked") sentences \(names): saved with q, used from the next compare, check or review."
    }

    // MARK: - Saving

    /// `baseline` with this session's decisions: the pair's accepted entries plus those
    /// accepted now, minus those rejected now; entries of findings not in the report kept; the
    /// session's pins added.
    public func savedBaseline(_ baseline: Baseline) -> Baseline {
        var entries = baseline.accepted.filter { $0.pair == pair }
        let byID = Dictionary(report.findings.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        entries.removeAll { entry in byID[entry.id] != nil && decisions[entry.id].map { $0 != .accepted && $0.isFinal } == true }
        let present = Set(entries.map(\.id))
        for i in order {
            let finding = report.findings[i]
            if decisions[finding.id] == .accepted, !present.contains(finding.id) {
                entries.append(Baseline.Entry(finding, pair: pair))
            }
        }
        var saved = baseline.replacing(pair: pair, with: entries)
        for pin in pins { saved = saved.adding(pin) }
        return saved
    }

    /// Log lines for this session's changes: every rejection (with its note) and every
    /// acceptance, then the finding shown (where the next review resumes), stamped with `time`.
    public func logEntries(time: String?) -> [ReviewLogEntry] {
        var entries = changes.map { change in
            let note: String?
            let decision: ReviewLogEntry.Decision
            switch change.decision {
            case .rejected(let n): (decision, note) = (.rejected, n)
            default: (decision, note) = (.accepted, nil)
            }
            return ReviewLogEntry(
                pair: pair, id: change.finding.id, decision: decision, category: change.finding.category,
                note: note, a: change.finding.a?.text, b: change.finding.b?.text, time: time)
        }
        if let finding = current {
            entries.append(ReviewLogEntry(pair: pair, id: finding.id, decision: .stopped, category: finding.category, time: time))
        }
        return entries
    }
}

// MARK: - Line editor

/// A one-line text editor: the note of a rejection, a search.
public struct LineEditor: Sendable, Hashable {
    public enum Result: Sendable, Hashable {
        case editing
        case committed(String)
        case cancelled
    }

    public private(set) var characters: [Character]
    /// Position of the cursor, in characters.
    public private(set) var cursor: Int

    public init(text: String = "") {
        characters = Array(text)
        cursor = characters.count
    }

    public var text: String { String(characters) }

    @discardableResult
    public mutating func handle(_ key: ReviewKey) -> Result {
        switch key {
        case .enter: return .committed(text)
        case .escape: return .cancelled
        case .character(let c):
            characters.insert(c, at: cursor)
            cursor += 1
        case .tab:
            characters.insert(" ", at: cursor)
            cursor += 1
        case .backspace:
            if cursor > 0 {
                characters.remove(at: cursor - 1)
                cursor -= 1
            }
        case .delete:
            if cursor < characters.count { characters.remove(at: cursor) }
        case .left: cursor = max(cursor - 1, 0)
        case .right: cursor = min(cursor + 1, characters.count)
        case .home: cursor = 0
        case .end: cursor = characters.count
        case .clearLine:
            characters.removeFirst(cursor)
            cursor = 0
        case .deleteWord:
            var start = cursor
            while start > 0 && characters[start - 1] == " " { start -= 1 }
            while start > 0 && characters[start - 1] != " " { start -= 1 }
            characters.removeSubrange(start..<cursor)
            cursor = start
        case .endOfInput:
            if characters.isEmpty { return .cancelled }
        default: break
        }
        return .editing
    }
}

extension String {
    /// Without leading and trailing spaces (and tabs, line feeds).
    var trimmedOfWhitespace: String {
        var s = Substring(self)
        while let first = s.first, first.isWhitespace { s.removeFirst() }
        while let last = s.last, last.isWhitespace { s.removeLast() }
        return String(s)
    }
}
