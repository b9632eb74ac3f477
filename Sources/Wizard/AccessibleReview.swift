import AssistantModel
import Drafts
import RevoxInterface
import TerminalUI

/// The review: the exact request JSON, the numbered problems, and sending.
extension AccessibleSession {
    /// Returns the exit status once the assistant is sent; nil never (it throws to move on).
    func review() throws(AccessibleJump) -> Int32? {
        say("")
        say("Step \(stepList.count) of \(stepList.count): \(Step.review.title).")
        say("The request JSON, exactly as it will be sent:")
        let json = String(decoding: CanonicalJSON.encode(draft), as: UTF8.self)
        io.write(json.split(separator: "\n", omittingEmptySubsequences: false).map { String($0).sanitizedForDisplay }.joined(separator: "\n"))
        say("End of the request JSON.")
        let issues = Validator.validate(draft, api: generation)
        let all = serverIssues + issues
        if all.isEmpty {
            say("No problems found.")
        } else {
            let e = all.errors.count, w = all.warnings.count
            say("\(e) error\(e == 1 ? "" : "s") and \(w) warning\(w == 1 ? "" : "s"):")
            for (i, issue) in all.enumerated() {
                let step = stepList.owning(path: issue.path)
                say("  \(i + 1). \(issue.severity == .error ? "Error" : "Warning"), \(place(issue.path)), step \(stepList.number(step)) \(step.title): \(issue.message.sanitizedForDisplay).")
            }
        }
        if issues.hasErrors {
            say("Errors block sending; fix them first.")
            say("Type a problem's number to go to its field, or press Enter to go to the first error.")
            while true {
                let line = try read("Go to")
                guard let text = line?.trimmingSpaces, !text.isEmpty else { throw .field(issues.errors[0]) }
                if let n = Int(text), all.indices.contains(n - 1) { throw .field(all[n - 1]) }
                say("Type \(Self.numberChoice(all.count)), or press Enter for the first error.")
            }
        }
        if let status = try send() { return status }
        while true {
            say("Not sent. Type go and a step number to change something, review to see the review again, or quit to save and quit.")
            _ = try read("Next")
        }
    }

    /// Creates the assistant, or PATCHes the one this draft belongs to with only the changed fields
    /// (the session decides which). A failed send returns nil; an unknown outcome is never sent
    /// again on its own.
    func send() throws(AccessibleJump) -> Int32? {
        let plan = session.plan(for: server)
        let name = (draft.value(at: "name")?.stringValue ?? "").sanitizedForDisplay
        switch plan {
        case .invalid: return nil
        case .recordUnreadable(let e):
            say("Not sent: \(e.description.sanitizedForDisplay).")
            return nil
        case .nothingToSend(let id):
            say("Nothing changed since assistant \(id.sanitizedForDisplay) was fetched or last sent; there is nothing to send.")
            return nil
        case .update(let id, let changes):
            for key in changes.leftAlone { say("\(key) is not in the draft; the server keeps its value.") }
            say("Changed fields (\(changes.changes.count)):")
            for c in changes.changes {
                say("  \(c.key): was \(PatchDiff.short(c.old)), now \(PatchDiff.short(c.new)).")
            }
            guard try confirm("Send these changes to assistant \(id.sanitizedForDisplay) \(server.onName) as a PATCH?") else { return nil }
        case .create:
            guard try confirm("Create '\(name)' \(server.onName)?") else { return nil }
        }
        persist()
        say("Sending…")
        let (session, server, api) = (self.session, self.server, self.api)
        let outcome = waitFor { () async throws(RevoxError) -> SendOutcome in await session.send(plan, to: server, via: api) }
        switch outcome {
        case .success(.sent(let assistant, let wasCreate, _)):
            lastSendFailed = false
            serverIssues = []
            say("\(wasCreate ? "Created" : "Updated") assistant \(assistant.id.sanitizedForDisplay) \(server.onName).")
            for (label, value) in [("Name", assistant.name), ("Voice", assistant.voiceID.map { $0 + (assistant.voiceProvider.map { ", \($0)" } ?? "") }),
                                   ("First sentence mode", assistant.firstSentenceMode), ("Created at", assistant.createdAt),
                                   ("Updated at", assistant.updatedAt)] {
                if let value { say("  \(label): \(value.sanitizedForDisplay)") }
            }
            say("The server's response:")
            io.write(JSONEncoding.prettyString(.object(assistant.json)).split(separator: "\n", omittingEmptySubsequences: false)
                .map { String($0).sanitizedForDisplay }.joined(separator: "\n"))
            say("End of the response.")
            if let warning = outcome.successValue?.recordWarning {
                lastSendUnrecorded = true
                say("Error: \(warning.sanitizedForDisplay)")
                return 5
            }
            if let slug { say("The draft \(slug) now belongs to this assistant \(server.onName): sending it there again changes it with a PATCH.") }
            return 0
        case .success(.notSent):
            return nil
        case .success(.failed(let error)), .failure(let error):
            lastSendFailed = true
            say("Not sent: \(error.message.sanitizedForDisplay)")
            if !error.suggestion.isEmpty { say(error.suggestion.sanitizedForDisplay) }
            if error.mayHaveBeenCreated {
                say("The request may have reached the server, so the assistant may have been created. It was not sent again. Check the list of assistants (assistant-wizard assistants) before sending again.")
            }
            serverIssues = error.fieldErrors.map(\.issue)
            if !error.fieldErrors.isEmpty {
                say("The server rejected \(error.fieldErrors.count) field\(error.fieldErrors.count == 1 ? "" : "s"):")
                for (i, f) in error.fieldErrors.enumerated() {
                    let at = f.issue.path
                    let step = stepList.owning(path: at)
                    say("  \(i + 1). \(at.isRoot ? "The request" : place(at)), step \(stepList.number(step)) \(step.title): \(f.message.sanitizedForDisplay).")
                }
                if try confirm("Go to the first of them?") { throw .field(serverIssues[0]) }
            }
            return nil
        }
    }
}

extension Result {
    var successValue: Success? { if case .success(let v) = self { return v }; return nil }
}
