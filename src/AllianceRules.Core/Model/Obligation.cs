using System.Collections.Immutable;

namespace AllianceRules.Model;

/// <summary>
/// <c>subject must [not] verb target [attrs] within D [through ORG, ...]</c>. An act by one of the
/// <see cref="Through"/> organisations counts as the obligated party's own. <see cref="Window"/> is
/// null only in a calendar duty, whose window is then its period.
/// </summary>
public sealed record Obligation(Subject Subject, bool Negated, string Verb, Term Target, ImmutableArray<AttributeTest> Attributes, Window? Window, ImmutableArray<string> Through = default)
{
    /// <summary>Whether the action's attributes, or its <c>before</c> window, name attributes of the trigger.</summary>
    public bool UsesTrigger => AttributeTest.AnyFromTrigger(Attributes) || Window is BeforeWindow { Pattern.UsesTrigger: true };

    public ImmutableArray<string> Actors(string party) => Through.IsDefaultOrEmpty ? [party] : Through.Insert(0, party);
}

public abstract record Subject;

/// <summary>One party, named by code or variable; obligated whether or not it is a member (rule 5.1.10).</summary>
public sealed record PartySubject(Term Party) : Subject;

/// <summary><c>each member $x except ...</c>: every member of the treaty on the trigger's date.</summary>
public sealed record EachMemberSubject(string Variable, ImmutableArray<Term> Except) : Subject;
