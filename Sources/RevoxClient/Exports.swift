// The API's protocol and value types live in RevoxInterface (Foundation-free, for the lean wizard
// process); everything that speaks HTTP imports them through this module as before.
@_exported import RevoxInterface
