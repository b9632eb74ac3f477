import Commands

// The program is its commands; all of them live in the Commands library (tested there).
await AssistantWizardMain.main()
