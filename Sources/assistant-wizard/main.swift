#if canImport(Glibc)
import Glibc
#endif
import APIPipe
import WizardLaunch

// The program people start: the model, the terminal layer and the wizard, and no Foundation, NIO,
// AsyncHTTPClient or Hummingbird (issue 15: those took start-up to 2× dialog's and memory at the
// first frame to 33 MiB). The plain wizard command lines run here, their API calls going over a
// pipe to the networking helper, started after the first frame; every other command line is
// executed by the helper, with the same arguments, so its output and exit status are the helper's.
let arguments = CommandLine.arguments
if let (entry, settings) = WizardSettings.fastPath(Array(arguments.dropFirst())) {
    exit(WizardLauncher(settings: settings) { connection in PipeAPI(connection: connection) }.run(entry))
}
let helper = HelperProcess.path()
var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
execv(helper, &argv)
let why = String(cString: strerror(errno))
Console.error("cannot run \(helper): \(why).", next: "\(HelperProcess.name) must be installed beside assistant-wizard (both are built by `swift build`).")
exit(127)
