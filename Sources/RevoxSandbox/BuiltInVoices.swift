/// The sandbox's voice list: realistic names and descriptions across both providers and eight
/// languages. Ids follow each provider's shape (Cartesia UUIDs, ElevenLabs 20-character ids) but
/// are made up: they only need to be stable, so drafts made offline keep pointing at a voice.
enum BuiltInVoices {
    struct Entry { let id, name, description, language, provider: String }

    static let all: [Entry] = [
        Entry(id: "c1c2b469-7394-4b9b-a117-d8991f7ce9fe", name: "Katie", description: "Friendly American woman, warm and upbeat; suits receptionists and booking lines", language: "en", provider: "cartesia"),
        Entry(id: "d28cb249-4e25-4810-a0f0-08351985f625", name: "Ronald", description: "Calm American man with a low, steady voice; suits support and collections", language: "en", provider: "cartesia"),
        Entry(id: "c39341a3-ed0a-47a7-aea5-6b935d703ca8", name: "Brooke", description: "Young American woman, bright and conversational; suits sales follow-ups", language: "en", provider: "cartesia"),
        Entry(id: "156aee9b-e50b-4942-a79a-bfe389c62e08", name: "Oliver", description: "British man, clear and measured; suits professional services", language: "en", provider: "cartesia"),
        Entry(id: "09316f42-5fbb-4636-a992-8e5d59eec722", name: "Priya", description: "Indian English woman, clear and patient; suits technical support", language: "en", provider: "cartesia"),
        Entry(id: "d79a62a0-3182-40f3-af4c-765750babf8f", name: "Hélène", description: "Parisian French woman, poised and precise; suits appointment reminders", language: "fr", provider: "cartesia"),
        Entry(id: "c498b6a2-033b-486f-a480-afbbf3ef58a0", name: "Antoine", description: "French man, relaxed and friendly; suits customer service", language: "fr", provider: "cartesia"),
        Entry(id: "47f4531f-6e73-4af1-a964-20ab698581bc", name: "Lucía", description: "Castilian Spanish woman, warm and expressive", language: "es", provider: "cartesia"),
        Entry(id: "a9d2a001-fb95-4401-a701-458fef30071e", name: "Mateo", description: "Mexican Spanish man, confident and clear; suits outbound sales", language: "es", provider: "cartesia"),
        Entry(id: "84a217e5-2875-4e56-a843-39e031996f37", name: "Greta", description: "German woman, crisp and professional", language: "de", provider: "cartesia"),
        Entry(id: "fa95ba4e-47b7-4826-a2bd-b2a553f0a2cc", name: "Giulia", description: "Italian woman, lively and warm", language: "it", provider: "cartesia"),
        Entry(id: "233ed33f-40f2-4b1d-a17a-0d2509a68980", name: "Beatriz", description: "Brazilian Portuguese woman, friendly and natural", language: "pt", provider: "cartesia"),
        Entry(id: "4a742307-8cc7-4964-ab97-388b68cdecfd", name: "Mei", description: "Mandarin Chinese woman, gentle and clear", language: "zh", provider: "cartesia"),
        Entry(id: "C93O6ZysDnvncXKyByNq", name: "Rachel", description: "Calm American woman, well suited to narration and support calls", language: "en", provider: "elevenlabs"),
        Entry(id: "GHSFxS02DZH9qiBWQfY8", name: "Adam", description: "Deep American man, authoritative; suits announcements and IVR", language: "en", provider: "elevenlabs"),
        Entry(id: "31GZ3k3a8jQBdt4rWfiT", name: "Charlotte", description: "British woman, soft and reassuring; suits healthcare reminders", language: "en", provider: "elevenlabs"),
        Entry(id: "IbPilFcj3WnAyqE2Vd7s", name: "Daniel", description: "British man, newsreader style, formal", language: "en", provider: "elevenlabs"),
        Entry(id: "gBEYbgpI6M77NknhrO8X", name: "Camille", description: "French woman, soft and friendly; suits hospitality", language: "fr", provider: "elevenlabs"),
        Entry(id: "VJ9exGhA1omOruQzzgLf", name: "Julien", description: "French man, energetic; suits sales and promotions", language: "fr", provider: "elevenlabs"),
        Entry(id: "maVl1cpSA39FFsb6uPg5", name: "Valentina", description: "Argentinian Spanish woman, warm and casual", language: "es", provider: "elevenlabs"),
        Entry(id: "3ZUwvIQISKX62tgUgcYU", name: "Lukas", description: "German man, calm and trustworthy; suits banking and insurance", language: "de", provider: "elevenlabs"),
        Entry(id: "5chCDuLVg3b7fqTJVRv6", name: "Marco", description: "Italian man, warm baritone", language: "it", provider: "elevenlabs"),
        Entry(id: "pBsfTs20bFeQw8XybA6B", name: "João", description: "European Portuguese man, clear and polite", language: "pt", provider: "elevenlabs"),
        Entry(id: "48pMLziV1PeM0FFkAIiD", name: "Anya", description: "Russian woman, calm and articulate", language: "ru", provider: "elevenlabs"),
    ]
}
