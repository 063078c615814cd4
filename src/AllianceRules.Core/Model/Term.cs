namespace AllianceRules.Model;

/// <summary>A party code, a variable or the wildcard.</summary>
public abstract record Term;

public sealed record CodeTerm(string Code) : Term
{
    public override string ToString() => Code;
}

public sealed record VariableTerm(string Name) : Term
{
    public override string ToString() => "$" + Name;
}

/// <summary><c>@name</c>: an attribute of the triggering event; absent attributes make their atom false.</summary>
public sealed record AttributeTerm(string Name) : Term
{
    public override string ToString() => "@" + Name;
}

internal sealed record WildcardTerm : Term
{
    public static readonly WildcardTerm Instance = new();

    public override string ToString() => "_";
}
