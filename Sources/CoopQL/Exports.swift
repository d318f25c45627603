// A host that imports CoopQL works with values, tables and diagnostics, which live in the base
// target below the language; re-exporting it keeps `import CoopQL` all an embedder writes.
@_exported import CoopQLBase
