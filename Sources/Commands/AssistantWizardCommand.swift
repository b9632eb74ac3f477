import ArgumentParser
import AssistantModel

/// The command tree; the entry point is AssistantWizardMain (FastStart.swift).
struct AssistantWizardCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assistant-wizard",
        abstract: "Build, review and send a Revox voice assistant from the terminal.",
        version: AssistantWizardVersion.current,
        subcommands: [
            WizardCommand.self, NewCommand.self, EditCommand.self,
            ValidateCommand.self, PreviewCommand.self, DraftsCommand.self,
            SubmitCommand.self, VoicesCommand.self, AssistantsCommand.self, SandboxCommand.self,
            PullCommand.self, StatusCommand.self, PushCommand.self, TemplatesCommand.self,
        ],
        defaultSubcommand: WizardCommand.self
    )
}
