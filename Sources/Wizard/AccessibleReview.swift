import AssistantModel
import RevoxClient
import TerminalUI

/// The review: the exact request JSON, the numbered problems, and sending.
extension AccessibleSession {
    /// Returns the exit status once the assistant is sent; nil never (it throws to move on).
    func review() throws(AccessibleJump) -> Int32? {
        say("")
        say("Step \(Step.review.rawValue + 1) of \(Step.allCases.count): \(Step.review.title).")
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
                let step = Step.owning(path: issue.path)
                say("  \(i + 1). \(issue.severity == .error ? "Error" : "Warning"), \(place(issue.path)), step \(step.rawValue + 1) \(step.title): \(issue.message.sanitizedForDisplay).")
            }
        }
        if issues.hasErrors {
            say("Errors block sending; fix them first.")
            say("Type a problem's number to go to its field, or press Enter to go to the first error.")
            while true {
                let line = try read("Go to")
                guard let text = line?.trimmingSpaces, !text.isEmpty else { throw .field(issues.errors[0].path) }
                if let n = Int(text), all.indices.contains(n - 1) { throw .field(all[n - 1].path) }
                say("Type \(Self.numberChoice(all.count)), or press Enter for the first error.")
            }
        }
        if let status = try send() { return status }
        while true {
            say("Not sent. Type go and a step number to change something, review to see the review again, or quit to save and quit.")
            _ = try read("Next")
        }
    }

    /// Creates the assistant, or PATCHes the one this draft belongs to with only the changed fields.
    /// A failed send returns nil; an unknown outcome is never sent again on its own.
    func send() throws(AccessibleJump) -> Int32? {
        let api = self.api
        let body = draft
        let call: @Sendable () async throws(RevoxError) -> Assistant
        let isUpdate = metadata?.assistantID != nil
        if let id = metadata?.assistantID {
            let diff = PatchDiff(draft: draft, server: metadata?.serverCopy)
            let server = metadata?.serverCopy?.objectValue ?? JSONObject()
            for key in diff.leftAlone { say("\(key) is not in the draft; the server keeps its value.") }
            guard !diff.changes.isEmpty else {
                say("Nothing changed since the assistant was fetched or last sent; there is nothing to send.")
                return nil
            }
            say("Changed fields (\(diff.changes.count)):")
            for (key, new) in diff.changes {
                say("  \(key): was \(PatchDiff.short(server[key])), now \(PatchDiff.short(new)).")
            }
            guard try confirm("Send these changes to assistant \(id.sanitizedForDisplay) as a PATCH?") else { return nil }
            let changes = JSONValue.object(diff.changes)
            call = { () async throws(RevoxError) in try await api.updateAssistant(id: id, changes: changes) }
        } else {
            guard try confirm("Send it to create the assistant\(wizard.state.backend.isSandbox ? " in the sandbox" : "")?") else { return nil }
            call = { () async throws(RevoxError) in try await api.createAssistant(body) }
        }
        persist()
        say("Sending…")
        switch waitFor(call) {
        case .success(let assistant):
            lastSendFailed = false
            serverIssues = []
            recordResult(assistant)
            say("\(isUpdate ? "Updated" : "Created") assistant \(assistant.id.sanitizedForDisplay).")
            for (label, value) in [("Name", assistant.name), ("Voice", assistant.voiceID.map { $0 + (assistant.voiceProvider.map { ", \($0)" } ?? "") }),
                                   ("First sentence mode", assistant.firstSentenceMode), ("Created at", assistant.createdAt),
                                   ("Updated at", assistant.updatedAt)] {
                if let value { say("  \(label): \(value.sanitizedForDisplay)") }
            }
            say("The server's response:")
            io.write(JSONEncoding.prettyString(.object(assistant.json)).split(separator: "\n", omittingEmptySubsequences: false)
                .map { String($0).sanitizedForDisplay }.joined(separator: "\n"))
            say("End of the response.")
            if let slug { say("The draft \(slug) now belongs to this assistant: sending it again changes it with a PATCH.") }
            return 0
        case .failure(let error):
            lastSendFailed = true
            say("Not sent: \(error.message.sanitizedForDisplay)")
            if !error.suggestion.isEmpty { say(error.suggestion.sanitizedForDisplay) }
            if error.mayHaveBeenCreated {
                say("The request may have reached the server, so the assistant may have been created. It was not sent again. Check the list of assistants (assistant-wizard assistants) before sending again.")
            }
            serverIssues = error.fieldErrors.map { .error($0.path, "server: " + $0.message) }
            if !error.fieldErrors.isEmpty {
                say("The server rejected \(error.fieldErrors.count) field\(error.fieldErrors.count == 1 ? "" : "s"):")
                for (i, f) in error.fieldErrors.enumerated() {
                    let step = Step.owning(path: f.path)
                    say("  \(i + 1). \(f.path.isEmpty ? "The request" : place(f.path)), step \(step.rawValue + 1) \(step.title): \(f.message.sanitizedForDisplay).")
                }
                if try confirm("Go to the first of them?") { throw .field(error.fieldErrors[0].path) }
            }
            return nil
        }
    }

    /// Remembers the assistant in the draft's metadata, so the next send is a PATCH of it.
    func recordResult(_ assistant: Assistant) {
        guard let slug else { return }
        do throws(DraftError) {
            if metadata?.assistantID == assistant.id {
                try store.recordServerCopy(slug: slug, serverCopy: .object(assistant.json))
            } else {
                try store.recordSubmission(slug: slug, assistantID: assistant.id, serverCopy: .object(assistant.json))
            }
            metadata = try store.metadata(slug)
        } catch {
            say("Sent, but could not note it in the draft: \(error.description.sanitizedForDisplay).")
        }
    }
}
