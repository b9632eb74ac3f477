import Testing

@Test func placeholderWizardTests() { #expect(Bool(true)) }
