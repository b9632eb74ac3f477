/// The fields only the latest generation (SDK `revox==0.5.0`, `assistant_create_params.py`) has, and
/// its choices. Types, enums, nullability and what is required are the SDK's; ranges are those its
/// doc comments state. `AssistantSchema.declared` places them among the shared fields.
extension AssistantSchema {
    public static let callOutcomes = [
        Choice("interested", "Interested"), Choice("not_interested", "Not interested"), Choice("completed", "Completed"),
        Choice("requested_callback_later", "Asked to be called back later"),
        Choice("none", "No outcome", help: "the call ended without an outcome"),
    ]
    public static let weekdays = [
        Choice("monday", "Monday"), Choice("tuesday", "Tuesday"), Choice("wednesday", "Wednesday"), Choice("thursday", "Thursday"),
        Choice("friday", "Friday"), Choice("saturday", "Saturday"), Choice("sunday", "Sunday"),
    ]
    public static let thinkingSounds = [
        Choice("city-ambience.ogg", "City ambience"), Choice("forest-ambience.ogg", "Forest ambience"),
        Choice("office-ambience.ogg", "Office ambience"), Choice("crowded-room.ogg", "Crowded room"),
        Choice("keyboard-typing.ogg", "Keyboard typing"), Choice("keyboard-typing2.ogg", "Keyboard typing 2"),
        Choice("hold_music.ogg", "Hold music"),
    ]
    public static let assistantTypes = [
        Choice("standalone", "Standalone", help: "a normal assistant"),
        Choice("multi-step", "Multi-step", help: "orchestrates a flow of sub-assistants"),
        Choice("sub-assistant", "Sub-assistant", help: "a step inside a multi-step flow, hidden from the list"),
    ]
    public static let sttModels = [Choice("stt-rt-v4", "Soniox realtime v4"), Choice("stt-rt-v5", "Soniox realtime v5")]
    public static let voiceModels = [Choice("sonic-3", "Sonic 3"), Choice("sonic-3.5", "Sonic 3.5")]
    public static let httpMethods = ["GET", "POST", "PUT", "PATCH", "DELETE"].map { Choice($0, $0) }

    /// 0 … 1, for volumes and probabilities.
    static let unitInterval = NumberRule(min: 0, max: 1, step: 0.05)

    static func outcomes(_ path: String, _ label: String, _ help: String, required: Bool = false, nullable: Bool = false) -> FieldSpec {
        FieldSpec(key: String(path.split(separator: ".").last!), path: path, label: label, help: help,
                  kind: .stringList(ListRule(uniqueKey: "", duplicateSeverity: .warning, itemLabel: "outcome", choices: callOutcomes)),
                  required: required, nullable: nullable, only: .latest)
    }

    /// `{key, value}` pairs (headers, query parameters, STT context).
    static func pairs(_ path: String, keyLabel: String, valueLabel: String, keyHelp: String, valueHelp: String) -> [FieldSpec] {
        [
            FieldSpec(key: "key", path: path + ".key", label: keyLabel, help: keyHelp, kind: .text, required: true, nonBlank: true),
            FieldSpec(key: "value", path: path + ".value", label: valueLabel, help: valueHelp, kind: .text, required: true),
        ]
    }

    static func point(_ path: String, _ help: String) -> [FieldSpec] {
        ["x", "y"].map {
            FieldSpec(key: $0, path: path + "." + $0, label: $0, help: help, kind: .number(NumberRule(step: 10)), required: true)
        }
    }

    public static let transferDestination: [FieldSpec] = [
        FieldSpec(key: "label", path: "transfer_destinations[].label", label: "Label",
                  help: "Who this is (\"Sales\"); the prompt's routing rules name destinations by label.",
                  kind: .text, required: true, nonBlank: true, example: "Sales"),
        FieldSpec(key: "phone_number", path: "transfer_destinations[].phone_number", label: "Phone number",
                  help: "Where to transfer, in E.164 (+14155550100).", kind: .text, required: true, format: .e164, example: "+14155550100"),
    ]

    public static let sttContext: [FieldSpec] = [
        FieldSpec(key: "general", path: "stt_context.general", label: "General context",
                  help: "Key/value facts that help the transcriber (company: Acme).",
                  kind: .records(pairs("stt_context.general[]", keyLabel: "Key", valueLabel: "Value",
                                       keyHelp: "What the fact is about, e.g. company.", valueHelp: "The fact, e.g. Acme Dental."),
                                 ListRule(uniqueKey: "key", duplicateSeverity: .warning, itemLabel: "entry")),
                  required: true),
        FieldSpec(key: "terms", path: "stt_context.terms", label: "Terms", help: "Domain words the transcriber should know.",
                  kind: .stringList(ListRule(uniqueKey: "", duplicateSeverity: .warning, nonBlankItems: true, itemLabel: "term")),
                  required: true),
    ]

    public static let customToolInput: [FieldSpec] = structuredOutputField.map { f in
        var f = f
        f.path = "custom_tools[].input_schema[]." + f.key
        if f.key == "name" { f.help = "The parameter's name as the tool receives it; letters, digits and _." }
        if f.key == "description" { f.help = "Tells the LLM what to pass." }
        return f
    }

    public static let customTool: [FieldSpec] = [
        FieldSpec(key: "name", path: "custom_tools[].name", label: "Name",
                  help: "A unique tool name in lowercase_snake_case, e.g. check_inventory.",
                  kind: .text, required: true, nonBlank: true, format: .identifier, example: "check_inventory"),
        FieldSpec(key: "description", path: "custom_tools[].description", label: "Description",
                  help: "What the tool does; the LLM reads it to decide when to call it.", kind: .longText, required: true, nonBlank: true),
        FieldSpec(key: "method", path: "custom_tools[].method", label: "Method", help: "The HTTP method of the request.",
                  kind: .choice(httpMethods), required: true),
        FieldSpec(key: "url", path: "custom_tools[].url", label: "URL",
                  help: "The endpoint; {{variable}} placeholders are filled from the inputs.", kind: .text, required: true,
                  format: .webURL, example: "https://api.example.com/stock?sku={{sku}}"),
        FieldSpec(key: "headers", path: "custom_tools[].headers", label: "Headers", help: "HTTP headers sent with the request.",
                  kind: .records(pairs("custom_tools[].headers[]", keyLabel: "Header", valueLabel: "Value",
                                       keyHelp: "The header name, e.g. Authorization.", valueHelp: "Its value; {{variable}} placeholders work."),
                                 ListRule(uniqueKey: "key", duplicateSeverity: .warning, itemLabel: "header")),
                  required: true),
        FieldSpec(key: "query_params", path: "custom_tools[].query_params", label: "Query parameters",
                  help: "Appended to the URL's query string.",
                  kind: .records(pairs("custom_tools[].query_params[]", keyLabel: "Parameter", valueLabel: "Value",
                                       keyHelp: "The parameter name.", valueHelp: "Its value; {{variable}} placeholders work."),
                                 ListRule(itemLabel: "query parameter")),
                  required: true),
        FieldSpec(key: "body_template", path: "custom_tools[].body_template", label: "Body template",
                  help: "The JSON body; quote placeholders (\"{{name}}\"). null: no body.", kind: .longText, required: true, nullable: true),
        FieldSpec(key: "input_schema", path: "custom_tools[].input_schema", label: "Inputs",
                  help: "What the LLM extracts from the conversation to pass to the tool.",
                  kind: .records(customToolInput, ListRule(uniqueKey: "name", duplicateSeverity: .error, itemLabel: "input")),
                  required: true),
    ]

    public static let slackChannel: [FieldSpec] = [
        FieldSpec(key: "id", path: "slack.channels[].id", label: "Channel id", help: "The Slack channel id, e.g. C01234567.",
                  kind: .text, required: true, nonBlank: true, example: "C01234567"),
        FieldSpec(key: "name", path: "slack.channels[].name", label: "Channel name",
                  help: "Shown in the UI and given to the LLM when the prompt routes by channel.", kind: .text, nullable: true),
    ]

    public static let slack: [FieldSpec] = [
        FieldSpec(key: "connection_id", path: "slack.connection_id", label: "Connection id",
                  help: "The connection between your Slack workspace and Revox.", kind: .text, required: true, nonBlank: true),
        FieldSpec(key: "channels", path: "slack.channels", label: "Channels", help: "Where the notification may go.",
                  kind: .records(slackChannel, ListRule(minItems: 1, uniqueKey: "id", duplicateSeverity: .warning, itemLabel: "channel")),
                  required: true),
        outcomes("slack.outcomes", "Outcomes", "Which call outcomes post to Slack.", required: true),
        FieldSpec(key: "template", path: "slack.template", label: "Template",
                  help: "The message; {{summary}}, {{outcome}}, {{phone}}… work. null or empty: the default.", kind: .longText, nullable: true),
    ]

    public static let zohoFieldMapping: [FieldSpec] = [
        FieldSpec(key: "source", path: "zoho.field_mapping[].source", label: "From",
                  help: "A structured output name, or a prompt variable of that name.", kind: .text, required: true, nonBlank: true),
        FieldSpec(key: "zoho_field", path: "zoho.field_mapping[].zoho_field", label: "Zoho field",
                  help: "The Zoho field's API name, e.g. Email or Company.", kind: .text, required: true, nonBlank: true, example: "Email"),
    ]

    public static let zoho: [FieldSpec] = [
        FieldSpec(key: "connection_id", path: "zoho.connection_id", label: "Connection id",
                  help: "The connection between your Zoho CRM account and Revox.", kind: .text, required: true, nonBlank: true),
        FieldSpec(key: "module", path: "zoho.module", label: "Module", help: "Where the prospect is upserted, e.g. Leads or Contacts.",
                  kind: .text, required: true, nonBlank: true, example: "Leads"),
        FieldSpec(key: "field_mapping", path: "zoho.field_mapping", label: "Field mapping",
                  help: "Which call values go into which Zoho fields.",
                  kind: .records(zohoFieldMapping, ListRule(uniqueKey: "zoho_field", duplicateSeverity: .warning, itemLabel: "mapping")),
                  required: true),
        FieldSpec(key: "log_call_activity", path: "zoho.log_call_activity", label: "Log the call",
                  help: "Also log the call in Zoho's Calls module.", kind: .toggle, defaultValue: false, required: true),
        outcomes("zoho.outcomes", "Outcomes", "Which call outcomes push to Zoho.", required: true),
        FieldSpec(key: "template", path: "zoho.template", label: "Note template",
                  help: "The note; {{summary}}, {{transcript}}… work. null or empty: the default.", kind: .longText, nullable: true),
    ]

    public static let promptFlowNode: [FieldSpec] = [
        FieldSpec(key: "id", path: "prompt_flow.nodes[].id", label: "Id", help: "The block's id; edges refer to it.",
                  kind: .text, required: true, nonBlank: true),
        FieldSpec(key: "type", path: "prompt_flow.nodes[].type", label: "Type", help: "The kind of block.",
                  kind: .choice([Choice("promptBlock", "Prompt block")]), defaultValue: "promptBlock", required: true),
        FieldSpec(key: "data", path: "prompt_flow.nodes[].data", label: "Content", help: "The block's title and text.", kind: .object([
            FieldSpec(key: "title", path: "prompt_flow.nodes[].data.title", label: "Title", help: "The block's heading.", kind: .text, required: true),
            FieldSpec(key: "body", path: "prompt_flow.nodes[].data.body", label: "Text", help: "The block's part of the prompt.",
                      kind: .longText, required: true),
        ]), required: true),
        FieldSpec(key: "position", path: "prompt_flow.nodes[].position", label: "Position", help: "Where the block sits on the canvas.",
                  kind: .object(point("prompt_flow.nodes[].position", "Canvas coordinate.")), required: true),
    ]

    public static let promptFlowEdge: [FieldSpec] = [
        FieldSpec(key: "id", path: "prompt_flow.edges[].id", label: "Id", help: "The link's id.", kind: .text, required: true, nonBlank: true),
        FieldSpec(key: "source", path: "prompt_flow.edges[].source", label: "From", help: "The id of the block it leaves.",
                  kind: .text, required: true, nonBlank: true),
        FieldSpec(key: "target", path: "prompt_flow.edges[].target", label: "To", help: "The id of the block it enters.",
                  kind: .text, required: true, nonBlank: true),
    ]

    public static let promptFlow: [FieldSpec] = [
        FieldSpec(key: "nodes", path: "prompt_flow.nodes", label: "Blocks", help: "The prompt's blocks.",
                  kind: .records(promptFlowNode, ListRule(uniqueKey: "id", duplicateSeverity: .error, itemLabel: "block")), required: true),
        FieldSpec(key: "edges", path: "prompt_flow.edges", label: "Links", help: "Links between blocks, by their ids.",
                  kind: .records(promptFlowEdge, ListRule(uniqueKey: "id", duplicateSeverity: .error, itemLabel: "link")), required: true),
    ]

    /// The `llm_model` shapes only the latest generation has.
    static let latestLLMVariants = [
        Variant(value: "custom", label: "Custom endpoint", fields: [
            FieldSpec(key: "api_url", path: "llm_model.api_url", label: "API URL",
                      help: "Base URL of an OpenAI-compatible API, e.g. https://api.together.xyz/v1.", kind: .text, required: true,
                      format: .webURL, example: "https://api.together.xyz/v1"),
            FieldSpec(key: "api_key", path: "llm_model.api_key", label: "API key", help: "Sent as a Bearer token to that endpoint.",
                      kind: .text, required: true, nonBlank: true),
            FieldSpec(key: "model_name", path: "llm_model.model_name", label: "Model name",
                      help: "The model as the provider names it, e.g. meta-llama/llama-3-70b.", kind: .text, required: true, nonBlank: true),
        ], only: .latest),
        Variant(value: "realtime", label: "Realtime", fields: [
            FieldSpec(key: "provider", path: "llm_model.provider", label: "Realtime provider", help: "Who runs the realtime model.",
                      kind: .choice([Choice("openai", "OpenAI"), Choice("google", "Google")]), required: true),
            FieldSpec(key: "realtime_model_id", path: "llm_model.realtime_model_id", label: "Realtime model",
                      help: "The realtime model id, e.g. gpt-4.1.", kind: .text, required: true, nonBlank: true),
            FieldSpec(key: "realtime_voice_id", path: "llm_model.realtime_voice_id", label: "Realtime voice",
                      help: "The provider's output voice (OpenAI: marin; Gemini: Puck).", kind: .text),
        ], only: .latest),
    ]
}
