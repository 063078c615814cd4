using System.Collections.Immutable;
using AllianceRules.Syntax;
using AllianceRules.Text;

namespace AllianceRules.Playground.Exercises;

/// <summary>A predict exercise asks for verdicts; an edit exercise asks for rules (it has a <c>solution/</c> folder).</summary>
public enum ExerciseKind
{
    Predict,
    Edit,
}

/// <summary>
/// One folder of <c>docs/exercises/</c> (docs/teaching.md): its question, its key (an ordinary
/// <c>.test</c> file) and the files the page opens for it, by bundled path: the <c>start/</c> files
/// and the bundled files the key names. An edit exercise's key names <c>solution/</c> files; the
/// page opens the <c>start/</c> files of the same names in their place, and checks those.
/// </summary>
public sealed record Exercise(string Id, string Title, string Question, ExerciseKind Kind, SourceFile KeyFile, TestFileSyntax Key, ImmutableArray<string> Files)
{
    public string Folder => $"{ExerciseCatalog.Root}{Id}/";

    /// <summary>The exercise's number, the folder's leading digits: "Exercise 03".</summary>
    public string Number => new([.. Id.TakeWhile(char.IsAsciiDigit)]);

    /// <summary>The path the page opens for a path the key names: a solution file becomes the start file of the same name.</summary>
    public string Opened(string keyPath) =>
        Kind == ExerciseKind.Edit && keyPath.StartsWith(Folder + "solution/", StringComparison.Ordinal)
            ? Folder + "start/" + keyPath[(Folder.Length + "solution/".Length)..]
            : keyPath;
}
