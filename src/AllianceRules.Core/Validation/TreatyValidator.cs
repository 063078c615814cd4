using AllianceRules.Binding;
using AllianceRules.Diagnostics;
using AllianceRules.Syntax;
using FluentValidation;

namespace AllianceRules.Validation;

/// <summary>Checks one treaty: its header items, its members, its assumptions and its rule ids.</summary>
internal sealed class TreatyValidator : AbstractValidator<BoundTreaty>
{
    public TreatyValidator()
    {
        RuleFor(t => t).Custom(CheckHeader).Custom(CheckMembers).Custom(CheckAssumptions).Custom(ReadingChecks.CheckDeclarations).Custom(CheckRuleIds);
        RuleForEach(t => t.Rules).SetValidator(new RuleValidator());
    }

    private static void CheckHeader(BoundTreaty treaty, ValidationContext<BoundTreaty> context)
    {
        foreach (var signed in treaty.Items<SignedSyntax>()) CommonChecks.CheckDate(context, treaty.File, signed.Date);
        ReportRepeats(treaty.Items<SignedSyntax>(), "signed");
        ReportRepeats(treaty.Items<SourceSyntax>(), "source");
        ReportRepeats(treaty.Items<MembersSyntax>(), "members");

        void ReportRepeats(IEnumerable<TreatyItemSyntax> items, string keyword)
        {
            foreach (var extra in items.Skip(1))
            {
                context.Report(DiagnosticCatalog.RepeatedTreatyItem(treaty.File.At(new Text.TextSpan(extra.Span.Start, keyword.Length)), treaty.Code, keyword));
            }
        }
    }

    private static void CheckMembers(BoundTreaty treaty, ValidationContext<BoundTreaty> context)
    {
        var seen = new Dictionary<string, MemberSyntax>(StringComparer.Ordinal);
        foreach (var member in treaty.Items<MembersSyntax>().SelectMany(m => m.Members))
        {
            var party = member.Party.Text;
            if (seen.TryGetValue(party, out var first))
            {
                var line = treaty.File.GetPosition(first.Span.Start).Line;
                context.Report(DiagnosticCatalog.DuplicateMember(treaty.At(member.Party), treaty.Code, party, line));
                continue;
            }
            seen[party] = member;
            var readings = treaty.Symbols.ReadingsOf(treaty.Code);
            var valid = new List<IntervalSyntax>();
            foreach (var interval in member.Intervals)
            {
                var real = CommonChecks.CheckDate(context, treaty.File, interval.From) & CommonChecks.CheckDate(context, treaty.File, interval.To);
                if (!real) continue;
                if (!CommonChecks.IsNonEmpty(interval))
                {
                    context.Report(DiagnosticCatalog.EmptyMembership(treaty.At(interval), party));
                    continue;
                }
                // Intervals under readings that exclude each other never hold together, so they may overlap or go back;
                // every earlier one that can hold with this one is compared, since holding together is not transitive.
                var together = valid.Where(p => ReadingChecks.CanHoldTogether(p.Gate, interval.Gate, readings)).ToList();
                if (together.Any(p => interval.From.Value < p.From.Value))
                {
                    context.Report(DiagnosticCatalog.MembershipOutOfOrder(treaty.At(interval), party));
                }
                else if (together.Any(p => p.To is null || interval.From.Value < p.To.Value))
                {
                    context.Report(DiagnosticCatalog.OverlappingMembership(treaty.At(interval), party));
                }
                valid.Add(interval);
            }
        }
    }

    private static void CheckAssumptions(BoundTreaty treaty, ValidationContext<BoundTreaty> context)
    {
        // One name may be declared once per reading that sets it, and once without 'if' (language.md §3, readings).
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var assume in treaty.Items<AssumeSyntax>())
        {
            var gate = assume.Gate is { } g ? $" if {g.Reading.Text} {g.Negated} {g.Option.Text}" : string.Empty;
            if (!seen.Add(assume.Name.Text + gate)) context.Report(DiagnosticCatalog.DuplicateAssumption(treaty.At(assume.Name), treaty.Code, assume.Name.Text));
            CommonChecks.CheckPeriod(context, treaty.File, assume.Period);
        }
    }

    /// <summary>
    /// Rule ids are unique, but for versions of one rule under readings that exclude each other
    /// (<c>if reading ...</c>): only one of them is in force at a time, under one id across readings.
    /// </summary>
    private static void CheckRuleIds(BoundTreaty treaty, ValidationContext<BoundTreaty> context)
    {
        var readings = treaty.Symbols.ReadingsOf(treaty.Code);
        var seen = new Dictionary<string, List<List<ReadingTestSyntax>>>(StringComparer.Ordinal);
        foreach (var rule in treaty.Items<RuleSyntax>())
        {
            var gates = rule.Items.OfType<RuleGateSyntax>().Select(g => g.Test).ToList();
            if (!seen.TryGetValue(rule.Id.Text, out var earlier)) seen[rule.Id.Text] = earlier = [];
            // An unknown reading or option is reported where it is written; the duplicate would only repeat it.
            var known = gates.All(g => ReadingChecks.IsKnown(g, readings));
            // A version no choice can bring into force is dead text, most likely a mistyped option.
            if (known && ReadingChecks.ExcludedReading(gates, readings) is { } never)
            {
                context.Report(DiagnosticCatalog.RuleNeverInForce(treaty.At(rule.Id), treaty.Code, rule.Id.Text, never));
            }
            if (known && earlier.Any(e => e.All(g => ReadingChecks.IsKnown(g, readings)) && ReadingChecks.CanHoldTogether(e, gates, readings)))
            {
                context.Report(DiagnosticCatalog.DuplicateRule(treaty.At(rule.Id), treaty.Code, rule.Id.Text));
            }
            earlier.Add(gates);
        }
    }
}
