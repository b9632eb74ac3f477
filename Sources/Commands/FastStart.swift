import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif
import WizardLaunch

/// The full program's entry (the networking helper run as a command, and the tests). The plain wizard command lines (`assistant-wizard`, `new`, `edit DRAFT`,
/// `wizard`, with the wizard's own flags) skip ArgumentParser and open the wizard at once; every
/// other command line, and anything unusual (help, `--`, a repeated or unknown flag), goes to
/// ArgumentParser as before.
///
/// Why: ArgumentParser finds a command's arguments by reflection (Mirror and dynamic casts), and
/// every first cast to a protocol makes the Swift runtime scan all protocol conformances in the
/// binary, which holds Foundation, NIO and Hummingbird. Measured with callgrind on the release
/// build (`new --sandbox`): 34 M of the 40 M instructions before the first frame, 241 conformance
/// scans, and about 20 MiB of the binary paged in; start-up was 2× dialog's.
public enum AssistantWizardMain {
    public static func main() async {
        guard let (entry, settings) = WizardSettings.fastPath(Array(CommandLine.arguments.dropFirst())) else {
            await AssistantWizardCommand.main()
            return
        }
        exit(WizardLauncher(inProcess: settings).run(entry))
    }
}

