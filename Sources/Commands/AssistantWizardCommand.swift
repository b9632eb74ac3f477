import ArgumentParser
import AssistantModel

/// The command tree; the entry point is AssistantWizardMain (FastStart.swift).
struct AssistantWizardCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assistant-wizard",
        abstract: "Build, review and send a Revox voice assistant from the terminal.",
        discussion: CLIHelp.discussion("Run a command with --help for its own options and examples; 'man assistant-wizard' has them all.", examples: [
            ("Open the start screen (new assistant, saved drafts, edit by id)", "assistant-wizard"),
            ("Try everything offline against the built-in sandbox", "assistant-wizard new --sandbox"),
        ]),
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
