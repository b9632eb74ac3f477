import Testing

@Test func placeholderAssistantModelTests() { #expect(Bool(true)) }
