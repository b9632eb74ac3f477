import AssistantModel
@testable import Commands
import Testing

/// `new --template NAME` (issue 14) takes the fast start path like the other wizard flags, and
/// only on `new`.
@Suite struct TemplateEntryTests {
    @Test func newWithATemplateOpensTheWizardOnIt() {
        let fast = WizardSettings.fastPath(["new", "--template", "survey", "--sandbox"])
        #expect(fast?.0 == .newFromTemplate("survey"))
        #expect(fast?.1 == WizardSettings(sandbox: true))
        #expect(WizardSettings.fastPath(["new", "--template=receptionist"])?.0 == .newFromTemplate("receptionist"))
        #expect(WizardSettings.fastPath(["new"])?.0 == .new)
    }

    @Test func onlyNewTakesATemplate() {
        #expect(WizardSettings.fastPath(["wizard", "--template", "survey"]) == nil)
        #expect(WizardSettings.fastPath(["edit", "front-desk", "--template", "survey"]) == nil)
        #expect(WizardSettings.fastPath(["new", "--template"]) == nil)
    }

    @Test func anUnknownTemplateNamesTheKnownOnes() {
        let t = Templates(environment: ["ASSISTANT_WIZARD_TEMPLATES": packageTemplates])
        #expect(t.names() == ["appointment-reminder", "lead-qualification", "receptionist", "survey"])
        guard case .failure(let e) = t.load("nope") else { Issue.record("loaded a template that does not exist"); return }
        #expect(e.description.contains("receptionist"))
        guard case .failure = t.load("../Package") else { Issue.record("a path escaped the templates folder"); return }
        if case .failure(let e) = t.load("survey.json") { Issue.record("\(e)") }
    }

    var packageTemplates: String {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/") + "/templates"
    }
}

/// `new --template` in the real program: the wizard opens on the template, saved as a new draft.
@Suite("new --template: the program")
struct NewFromTemplateBinaryTests {
    @Test func theWizardOpensOnTheTemplateAndSavesItAsANewDraft() async throws {
        let r = try await AccessibleBinaryTests.run(["new", "--template", "survey", "--accessible", "--sandbox"], input: "")
        #expect(r.status == 0, "\(r.out)")
        #expect(r.out.contains("Current value: \"Customer survey\"."), "\(r.out)")
        let body = try DraftStore.loadBody(file: r.data.appendingPathComponent("customer-survey.json").path)
        #expect(body.value(at: "structured_output_config[0].name") == "agreed_to_survey")
    }

    @Test func anUnknownTemplateExits2AndNamesTheOthers() async throws {
        let r = try await AccessibleBinaryTests.run(["new", "--template", "nope", "--accessible", "--sandbox"], input: "")
        #expect(r.status == 2 && r.out.contains("appointment-reminder"), "\(r.out)")
    }
}
