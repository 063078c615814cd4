using AllianceRules.Text;

namespace AllianceRules.Syntax;

/// <summary>
/// One parsed <c>.treaty</c> file. <c>Recovered</c> on a file, vocabulary, treaty or rule means a
/// broken part was skipped: names it might have declared are unknown, so checks that would only
/// repeat that error are left out.
/// </summary>
public sealed record RuleFileSyntax(SourceFile File, IReadOnlyList<VocabularySyntax> Vocabularies, IReadOnlyList<TreatySyntax> Treaties, bool Recovered);

public sealed record VocabularySyntax(IReadOnlyList<VerbDeclarationSyntax> Verbs, bool Recovered, TextSpan Span) : SyntaxNode(Span);

public sealed record VerbDeclarationSyntax(Identifier Name, StringLiteral? Description, IReadOnlyList<Identifier> CameoCodes, TextSpan Span) : SyntaxNode(Span);

public sealed record TreatySyntax(Identifier Code, StringLiteral Title, IReadOnlyList<TreatyItemSyntax> Items, bool Recovered, TextSpan Span) : SyntaxNode(Span);

public abstract record TreatyItemSyntax(TextSpan Span) : SyntaxNode(Span);

internal sealed record SignedSyntax(DateSyntax Date, TextSpan Span) : TreatyItemSyntax(Span);

internal sealed record SourceSyntax(StringLiteral Text, TextSpan Span) : TreatyItemSyntax(Span);

internal sealed record MembersSyntax(IReadOnlyList<MemberSyntax> Members, TextSpan Span) : TreatyItemSyntax(Span);

internal sealed record MemberSyntax(Identifier Party, IReadOnlyList<IntervalSyntax> Intervals, TextSpan Span) : SyntaxNode(Span);

/// <summary><c>assume NAME = PERIOD ["note"] [if reading R is OPTION]</c>; with a gate, the value holds only under that reading.</summary>
internal sealed record AssumeSyntax(Identifier Name, PeriodSyntax Period, StringLiteral? Note, TextSpan Span, ReadingTestSyntax? Gate = null) : TreatyItemSyntax(Span);

/// <summary><c>reading NAME "title" { OPTION "description" ... }</c>: a contested interpretation; the first option is the default.</summary>
internal sealed record ReadingSyntax(Identifier Name, StringLiteral Title, IReadOnlyList<ReadingOptionSyntax> Options, TextSpan Span) : TreatyItemSyntax(Span);

internal sealed record ReadingOptionSyntax(Identifier Name, StringLiteral Description, TextSpan Span) : SyntaxNode(Span);

/// <summary>
/// <c>reading NAME is [not] OPTION</c>: true when that option is (or is not) in force. A condition
/// atom, and the trailing <c>if</c> of a member interval or an assumption.
/// </summary>
internal sealed record ReadingTestSyntax(Identifier Reading, bool Negated, Identifier Option, TextSpan Span) : SyntaxNode(Span);
