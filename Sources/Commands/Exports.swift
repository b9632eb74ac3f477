// The wizard's launch (settings, fast path, templates, console) is Foundation-free, in WizardLaunch,
// for the lean program people start; the commands use it as if it lived here.
@_exported import WizardLaunch
