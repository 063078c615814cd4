namespace AllianceRules.Text;

/// <summary>A span inside a particular file: where a model element was written.</summary>
public readonly record struct SourceRef(SourceFile File, TextSpan Span);
