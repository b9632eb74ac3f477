enum RevoxClientPlaceholder {}
