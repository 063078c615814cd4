namespace AllianceRules.Cli.Tests;

/// <summary>
/// Tests that work on the project <c>alliance init</c> makes in a fresh folder: its root, and its
/// treaty <c>rules/pact.treaty</c> with the text init wrote.
/// </summary>
public abstract class InitProjectTests : IDisposable
{
    protected InitProjectTests()
    {
        Root = Path.Combine(Cli.Directory, "project");
        Assert.Equal(0, Cli.Run("init", "project").Exit);
        Pact = Path.Combine(Root, "rules", "pact.treaty");
        PactText = File.ReadAllText(Pact);
    }

    protected CliHarness Cli { get; } = new();

    protected string Root { get; }

    protected string Pact { get; }

    protected string PactText { get; }

    public void Dispose()
    {
        Cli.Dispose();
        GC.SuppressFinalize(this);
    }
}
