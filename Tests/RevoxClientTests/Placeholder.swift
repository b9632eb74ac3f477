import Testing

@Test func placeholderRevoxClientTests() { #expect(Bool(true)) }
