enum RevoxSandboxPlaceholder {}
