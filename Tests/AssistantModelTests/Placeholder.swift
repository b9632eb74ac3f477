import Testing
@Test func placeholderModel() { #expect(Bool(true)) }
