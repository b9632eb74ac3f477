// The JSON values, parser, encoder and guarded read are the model's vocabulary: code that imports
// the model gets them too, as it did when they lived here.
@_exported import JSON
