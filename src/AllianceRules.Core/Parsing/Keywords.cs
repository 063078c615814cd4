namespace AllianceRules.Parsing;

/// <summary>
/// The words that start an item at each level of a <c>.treaty</c> file (language.md §3), and the
/// rule kinds. The grammar and the formatter both read these, so a new item keyword is added once.
/// </summary>
internal static class Keywords
{
    public static readonly string[] TopLevel = ["vocabulary", "treaty"];
    public static readonly string[] TreatyItems = ["signed", "source", "members", "assume", "reading", "rule"];
    public static readonly string[] RuleItems = ["kind", "cites", "quote", "effective", "if", "when", "every", "forbid", "unless", "until", "judgment"];
    public static readonly string[] VocabularyItems = ["verb"];
    public static readonly string[] Kinds = ["defense", "offense", "neutrality", "nonaggression", "consultation", "other"];
}
