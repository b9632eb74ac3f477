/// The program's version: `--version` prints it and the HTTP client sends it in its User-Agent.
public enum AssistantWizardVersion {
    public static let current = "0.2.0"
}
