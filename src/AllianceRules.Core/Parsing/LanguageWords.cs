namespace AllianceRules.Parsing;

/// <summary>
/// The words of the language, for tools that offer them (the language server's completion): the
/// item keywords and rule kinds are the grammar's own (<see cref="Keywords"/>); the rest are the
/// words the grammar reads inside clauses (language.md §3).
/// </summary>
public static class LanguageWords
{
    public static IReadOnlyList<string> TopLevel => Keywords.TopLevel;

    public static IReadOnlyList<string> TreatyItems => Keywords.TreatyItems;

    public static IReadOnlyList<string> RuleItems => Keywords.RuleItems;

    public static IReadOnlyList<string> VocabularyItems => Keywords.VocabularyItems;

    public static IReadOnlyList<string> Kinds => Keywords.Kinds;

    /// <summary>The words that continue a rule item: clauses of <c>when</c>, obligations, conditions and windows.</summary>
    public static IReadOnlyList<string> Clauses { get; } =
        ["where", "then", "each", "member", "except", "must", "not", "within", "before", "strictly", "through", "from", "and", "or", "is", "of", "frozen", "in", "there", "was", "reading"];

    /// <summary>The words that start a line of a <c>.events</c> history other than an event.</summary>
    public static IReadOnlyList<string> HistoryLines { get; } = ["as of", "observed"];
}
