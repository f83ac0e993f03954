import Foundation
import ParallaxKit
import ParallaxReview
import Testing

@Suite("Review: the session's state machine")
struct ReviewSessionTests {
    @Test("Accept two, reject one with a note: the baseline holds the two, the log the rejection")
    func acceptAcceptReject() throws {
        var session = try ReviewFixture.session()
        let ids = session.order.prefix(3).map { session.report.findings[$0].id }
        #expect(session.position == 0)
        #expect(session.type("aar") == .stay)
        guard case .note = session.mode else {
            Issue.record("r should open the note editor, not \(session.mode)")
            return
        }
        #expect(session.type("wrong pair\r") == .stay)
        #expect(session.position == 3)
        #expect(session.type("q") == .save)

        let saved = session.savedBaseline(Baseline())
        #expect(Set(saved.accepted.map(\.id)) == Set(ids.prefix(2)))
        #expect(saved.accepted.allSatisfy { $0.pair == "june" })
        let log = session.logEntries(time: "2021-06-28T00:00:00Z")
        #expect(log.filter { $0.decision == .rejected }.map(\.id) == [ids[2]])
        #expect(log.first { $0.decision == .rejected }?.note == "wrong pair")

        // Reopened: continues after the three decided findings.
        let reopened = try ReviewFixture.session(baseline: saved, log: log)
        #expect(reopened.position == 3)
        #expect(reopened.counts.accepted == 2 && reopened.counts.rejected == 1)
        #expect(!reopened.hasUnsavedWork)
    }

    @Test("A rejection without a note; Esc cancels the note and rejects nothing")
    func rejectNotes() throws {
        var session = try ReviewFixture.session()
        let first = try #require(session.current)
        session.type("r")
        session.handle(.escape)
        #expect(session.decision(of: first) == nil)
        #expect(session.mode == .finding)
        session.type("r   \r")
        #expect(session.decision(of: first) == .rejected(note: nil))
    }

    @Test("j and k move, n goes to the next unreviewed, the end shows the summary")
    func moving() throws {
        var session = try ReviewFixture.session()
        session.type("jjk")
        #expect(session.position == 1)
        session.type("k")
        session.type("k")
        #expect(session.position == 0)
        #expect(session.status != nil)
        session.type("a")  // decides 0, moves to 1
        session.type("g")
        #expect(session.position == 0)
        session.type("n")
        #expect(session.position == 1)
        session.type("G")
        session.type("j")
        #expect(session.mode == .summary)
        session.type("k")
        #expect(session.mode == .finding)
        #expect(session.position == session.order.count - 1)
    }

    @Test("A accepts this and all remaining; S skips them; R rejects them with one note: each after a y")
    func allRemaining() throws {
        var session = try ReviewFixture.session()
        session.type("sAy")
        #expect(session.mode == .summary)
        #expect(session.counts.accepted == session.order.count - 1)
        #expect(session.counts.open == 1, "the skipped one stays open")

        var rejecting = try ReviewFixture.session()
        rejecting.type("jRynot news\r")
        #expect(rejecting.counts.rejected == rejecting.order.count - 1)
        #expect(rejecting.logEntries(time: nil).filter { $0.decision == .rejected }.allSatisfy { $0.note == "not news" })

        var skipping = try ReviewFixture.session()
        skipping.type("Sy")
        #expect(skipping.mode == .summary)
        #expect(!skipping.hasUnsavedWork)
        #expect(skipping.type("Q") == .discard)
    }

    @Test("A, R and S ask first, saying how many findings and how many errors; any other key cancels", arguments: ["A", "R", "S"])
    func bulkAsks(_ key: String) throws {
        var session = try ReviewFixture.session()
        session.type("j")
        let covered = session.order.dropFirst().map { session.report.findings[$0] }
        let errors = covered.filter { $0.severity == .error }.count
        #expect(session.bulkScope.findings == covered.count)
        #expect(session.bulkScope.errors == errors)
        #expect(errors > 0, "the June pair's errors come after its first finding")
        session.type(key)
        guard case .confirmAll = session.mode else {
            Issue.record("\(key) should ask first, not \(session.mode)")
            return
        }
        let screen = ReviewScreen.render(session, width: 100, height: 30, color: false).lines.joined(separator: " ")
        let verb = key == "A" ? "Accept" : key == "R" ? "Reject" : "Skip"
        #expect(
            screen.contains("\(verb) \(covered.count) findings (this one and every later one still open), \(errors) of them error"),
            "\(screen)")
        session.type("n")
        #expect(session.mode == .finding)
        #expect(session.counts.accepted == 0 && session.counts.rejected == 0)
        #expect(!session.hasUnsavedWork)
        #expect(session.status?.hasPrefix("Nothing") == true)
    }

    @Test("Reopening resumes at the first finding not yet decided at or after where the last review stopped")
    func resume() throws {
        var session = try ReviewFixture.session()
        session.type("a")
        session.type("jjjj")
        let stopped = session.position
        #expect(stopped == 5)
        let log = session.logEntries(time: nil)
        #expect(log.last?.decision == .stopped)
        #expect(log.last?.id == session.current?.id)
        let baseline = session.savedBaseline(Baseline())
        let reopened = try ReviewFixture.session(baseline: baseline, log: log)
        #expect(reopened.position == stopped)
        // The finding it stopped on was accepted since: the next open one after it.
        let here = session.report.findings[session.order[stopped]]
        let accepted = Baseline(accepted: baseline.accepted + [Baseline.Entry(here, pair: "june")])
        #expect(try ReviewFixture.session(baseline: accepted, log: log).position == stopped + 1)
        // Nothing open after it: the first open one.
        var late = try ReviewFixture.session(baseline: baseline)
        late.type("G")
        let atEnd = late.logEntries(time: nil)
        let lastAccepted = Baseline(accepted: baseline.accepted + [Baseline.Entry(late.current!, pair: "june")])
        #expect(try ReviewFixture.session(baseline: lastAccepted, log: atEnd).position == 1)
        // A stop entry is no decision: rejections are read as before.
        #expect(ReviewLog.rejections(in: log, pair: "june").isEmpty)
        // Without a stop in the log: the first open finding.
        #expect(try ReviewFixture.session(baseline: baseline).position == 1)
    }

    @Test("Baseline entries keep the message and severity they were accepted for; older entries still read")
    func entryMessage() throws {
        var session = try ReviewFixture.session()
        let first = try #require(session.current)
        session.type("a")
        let saved = session.savedBaseline(Baseline())
        let entry = try #require(saved.accepted.first)
        #expect(entry.message == first.message)
        #expect(entry.category == first.category && entry.severity == first.severity)
        let text = try saved.encoded()
        #expect(text.contains("\"message\""))
        let old = #"{"schemaVersion": 1, "accepted": [{"id": "x", "pair": "june", "category": "drift", "a": "A", "b": "B"}]}"#
        let decoded = try JSONDecoder().decode(Baseline.self, from: Data(old.utf8))
        #expect(decoded.accepted.first?.message == nil)
    }

    @Test("Quitting without saving asks first when there is something to lose; Ctrl-C interrupts")
    func quitting() throws {
        var session = try ReviewFixture.session()
        #expect(session.type("x") == .discard)
        session.type("a")
        #expect(session.type("Q") == .stay)
        #expect(session.mode == .confirmDiscard)
        #expect(session.type("n") == .stay)
        #expect(session.mode == .finding)
        session.type("Q")
        #expect(session.type("y") == .discard)
        #expect(session.handle(.interrupt) == .interrupt)
    }

    @Test("Accepting a rejected finding, and rejecting an accepted one, change the baseline")
    func changingMinds() throws {
        var session = try ReviewFixture.session()
        let first = try #require(session.current)
        session.type("a")
        let baseline = session.savedBaseline(Baseline())
        var again = try ReviewFixture.session(baseline: baseline)
        again.type("g")
        #expect(again.current?.id == first.id)
        again.type("rno\r")
        #expect(again.savedBaseline(baseline).accepted.isEmpty)
        // Entries of findings no longer in the report stay.
        let stale = Baseline(accepted: [Baseline.Entry(id: "gone", pair: "june", category: .drift, a: "x", b: "y")])
        #expect(again.savedBaseline(stale).accepted.map(\.id) == ["gone"])
    }

    @Test("u unlinks and p pins the finding's sentences, by fingerprint")
    func pins() throws {
        var session = try ReviewFixture.session()
        // The first finding with sentences on both sides.
        while let current = session.current, current.a?.sentences.isEmpty != false || current.b?.sentences.isEmpty != false {
            session.type("j")
        }
        let finding = try #require(session.current)
        session.type("u")
        #expect(session.pins.count == (finding.a?.sentences.count ?? 0) * (finding.b?.sentences.count ?? 0))
        #expect(session.pins.allSatisfy { !$0.pin.link && $0.pair == "june" })
        #expect(session.hasUnsavedWork)
        session.type("p")
        #expect(session.pins.allSatisfy { $0.pin.link }, "p replaces the unlink of the same sentences")
        let saved = session.savedBaseline(Baseline())
        #expect(saved.sentencePins(for: "june") == session.pins.map(\.pin))

        // A finding with one side only cannot be pinned.
        var oneSided = try ReviewFixture.session()
        while let current = oneSided.current, current.a != nil && current.b != nil { oneSided.type("j") }
        oneSided.type("u")
        #expect(oneSided.pins.isEmpty)
        #expect(oneSided.status?.contains("needs a sentence on each side") == true)
    }

    @Test("/ finds the next finding that mentions the words; an empty search repeats the last")
    func search() throws {
        var session = try ReviewFixture.session()
        session.type("/yang jiechi\r")
        let found = try #require(session.current)
        let sentences = (found.b?.sentences ?? []).map { session.report.documents[1].sentences[$0].text }
        let text = ([found.message, found.a?.text ?? "", found.b?.text ?? ""] + sentences).joined(separator: " ").lowercased()
        #expect(text.contains("yang jiechi"))
        session.type("/nothing like this at all\r")
        #expect(session.status?.contains("No finding matches") == true)
        #expect(session.current?.id == found.id)
    }

    @Test("/ finds a severity, \"accepted\" and \"uncertain\"")
    func searchMarks() throws {
        var session = try ReviewFixture.session()
        #expect(session.report.findings.contains { $0.uncertainReason != nil })
        session.type("/uncertain\r")
        #expect(session.current?.uncertainReason != nil)
        session.type("/warning\r")
        #expect(session.current?.severity == .warning)
        var fresh = try ReviewFixture.session()
        let first = try #require(fresh.current)
        fresh.type("a")
        #expect(fresh.current?.id != first.id)
        fresh.type("/accepted\r")
        #expect(fresh.current?.id == first.id)
    }

    @Test("? shows help, any key returns; w toggles the whole pair")
    func helpAndWhole() throws {
        var session = try ReviewFixture.session()
        session.type("?")
        #expect(session.mode == .help)
        session.type("z")
        #expect(session.mode == .finding)
        session.type("w")
        #expect(session.whole)
        session.type("w")
        #expect(!session.whole)
    }
}
