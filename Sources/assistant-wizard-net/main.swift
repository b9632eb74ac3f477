#if canImport(Glibc)
import Glibc
#endif
import APIPipe
import Commands

// The networking helper. Started by the wizard (with ASSISTANT_WIZARD_NET_SERVE=1 and a socket as
// stdin/stdout) it serves the wizard's API calls; executed by `assistant-wizard` for every other
// command line (validate, submit, drafts, sandbox, help…) it is the whole command line program.
if getenv(HelperProcess.serveVariable).map({ String(cString: $0) }) == "1" {
    PipeServer.serve(make: InProcessAPI.connect)
    exit(0)
}
await AssistantWizardMain.main()
