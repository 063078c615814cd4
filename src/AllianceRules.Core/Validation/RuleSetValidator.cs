using AllianceRules.Binding;
using AllianceRules.Diagnostics;
using AllianceRules.Syntax;
using FluentValidation;

namespace AllianceRules.Validation;

/// <summary>Checks across all rule files: unique treaties, consistent verbs, then each treaty.</summary>
internal sealed class RuleSetValidator : AbstractValidator<BoundRuleSet>
{
    public RuleSetValidator()
    {
        RuleFor(set => set).Custom(CheckTreatyCodes).Custom(CheckVerbs);
        RuleForEach(set => set.Treaties).SetValidator(new TreatyValidator());
    }

    private static void CheckTreatyCodes(BoundRuleSet set, ValidationContext<BoundRuleSet> context)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var treaty in set.Treaties)
        {
            if (!seen.Add(treaty.Code)) context.Report(DiagnosticCatalog.DuplicateTreaty(treaty.At(treaty.Syntax.Code), treaty.Code));
        }
    }

    private static void CheckVerbs(BoundRuleSet set, ValidationContext<BoundRuleSet> context)
    {
        // The same verb may be declared again in another vocabulary (a shared vocabulary copied
        // into two files), but only identically; twice in one block is always a mistake.
        var first = new Dictionary<string, (VerbDeclarationSyntax Verb, VocabularySyntax Block, Text.SourceFile File)>(StringComparer.Ordinal);
        var cameoOwner = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (vocabulary, file) in set.Vocabularies)
        {
            foreach (var verb in vocabulary.Verbs)
            {
                foreach (var code in verb.CameoCodes)
                {
                    if (code.Text.Length is < 2 or > 4)
                    {
                        context.Report(DiagnosticCatalog.MalformedCameoCode(file.At(code.Span), code.Text));
                    }
                    else if (cameoOwner.TryGetValue(code.Text, out var owner) && owner != verb.Name.Text)
                    {
                        // An imported event with this code would have two meanings.
                        context.Report(DiagnosticCatalog.CameoCodeTwice(file.At(code.Span), code.Text, owner));
                    }
                    else
                    {
                        cameoOwner[code.Text] = verb.Name.Text;
                    }
                }
                if (!first.TryGetValue(verb.Name.Text, out var earlier))
                {
                    first[verb.Name.Text] = (verb, vocabulary, file);
                    continue;
                }
                if (ReferenceEquals(earlier.Block, vocabulary))
                {
                    context.Report(DiagnosticCatalog.DuplicateVerb(file.At(verb.Name.Span), verb.Name.Text));
                    continue;
                }
                var same = earlier.Verb.Description?.Value == verb.Description?.Value
                    && earlier.Verb.CameoCodes.Select(c => c.Text).SequenceEqual(verb.CameoCodes.Select(c => c.Text));
                if (!same)
                {
                    var where = earlier.File.GetPosition(earlier.Verb.Name.Span.Start);
                    context.Report(DiagnosticCatalog.ConflictingVerb(file.At(verb.Name.Span), verb.Name.Text, $"{earlier.File.Path}:{where.Line}"));
                }
            }
        }
    }
}
