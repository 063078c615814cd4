using System.Diagnostics;
using AllianceRules.Cli;

namespace AllianceRules.Cli.Tests;

/// <summary>Runs the command line in-process, or as a real process, inside a scratch folder.</summary>
public sealed class CliHarness : IDisposable
{
    public CliHarness()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("alliance-cli-").FullName;
    }

    public string Directory { get; }

    public static string Contract(string name) => Path.Combine(RepoRoot, "tests", "AllianceRules.Tests", "Cases", "eval", "000-contract-armenia-2022", name);

    public static string RepoRoot { get; } = FindRoot();

    /// <summary>The contract's example (language.md §3–4) as rules/cst.treaty and seeds/armenia-2022.events.</summary>
    public void CopyContract()
    {
        Write("rules/cst.treaty", File.ReadAllText(Contract("cst.treaty")));
        Write("seeds/armenia-2022.events", File.ReadAllText(Contract("armenia-2022.events")));
    }

    public string Write(string relativePath, string contents)
    {
        var path = Path.Combine(Directory, relativePath);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, contents);
        return path;
    }

    public (int Exit, string Out, string Err) Run(params string[] args) => RunIn(Directory, args);

    /// <summary>
    /// The executable named by ALLIANCE_CLI_BINARY (CI sets it to the native build, bench/publish), or null.
    /// When set, <see cref="RunIn"/> and the RunProcess methods run it as a process instead, so the same
    /// tests hold for that build; tests that call <see cref="AllianceProgram"/> directly still run in process.
    /// </summary>
    public static string? Binary { get; } = Environment.GetEnvironmentVariable("ALLIANCE_CLI_BINARY") is { Length: > 0 } path ? path : null;

    /// <summary>Runs the command line in process from <paramref name="directory"/>, so relative paths read as a user's would.</summary>
    public static (int Exit, string Out, string Err) RunIn(string directory, params string[] args)
    {
        if (Binary is not null) return Start(directory, new Dictionary<string, string>(), args);
        var previous = Environment.CurrentDirectory;
        Environment.CurrentDirectory = directory;
        try
        {
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            var exit = AllianceProgram.Run(args, stdout, stderr);
            return (exit, stdout.ToString(), stderr.ToString());
        }
        finally
        {
            Environment.CurrentDirectory = previous;
        }
    }

    /// <summary>Runs the built alliance.dll (or <see cref="Binary"/>) as its own process: the real entry point, console and exit code.</summary>
    public (int Exit, string Out, string Err) RunProcess(params string[] args) => RunProcessWith(new Dictionary<string, string>(), args);

    /// <summary>As <see cref="RunProcess"/>, with environment variables set for that process only.</summary>
    public (int Exit, string Out, string Err) RunProcessWith(IReadOnlyDictionary<string, string> environment, params string[] args) =>
        Start(Directory, environment, args);

    /// <summary>Starts <see cref="Binary"/>, or else <c>dotnet alliance.dll</c>, in <paramref name="directory"/> and waits for it.</summary>
    private static (int Exit, string Out, string Err) Start(string directory, IReadOnlyDictionary<string, string> environment, string[] args)
    {
        var start = new ProcessStartInfo(Binary ?? "dotnet") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (name, value) in environment) start.Environment[name] = value;
        if (Binary is null) start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "alliance.dll"));
        // The binary gets an empty standard input, as an in-process run has none to read.
        else start.RedirectStandardInput = true;
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        if (Binary is not null) process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A scratch folder left behind is harmless.
        }
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "AllianceRules.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("AllianceRules.sln not found");
    }
}

/// <summary>Tests change the current directory, so they must not run in parallel.</summary>
[CollectionDefinition("cli", DisableParallelization = true)]
public sealed class CliCollection;

/// <summary>
/// Regression: ImportCommandTests ran its commands outside the serial collection, so another class
/// could find the process's current directory set to a scratch folder already deleted (a flaky
/// "Unable to find the specified file" across hundreds of tests). Every class holding a harness
/// must be in the collection.
/// </summary>
public sealed class CliCollectionTests
{
    [Fact]
    public void Every_test_class_that_holds_a_harness_runs_in_the_serial_collection()
    {
        var loose = typeof(CliHarness).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && !t.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute), false))
            .Where(HoldsHarness)
            .Where(t => !t.GetCustomAttributesData().Any(a => a.AttributeType == typeof(CollectionAttribute) && a.ConstructorArguments.FirstOrDefault().Value as string == "cli"))
            .Select(t => t.Name)
            .ToList();
        Assert.Empty(loose);
    }

    /// <summary>Whether a type, or a class it derives from (<see cref="InitProjectTests"/>), has a harness field.</summary>
    private static bool HoldsHarness(Type type)
    {
        const System.Reflection.BindingFlags all = System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.DeclaredOnly;
        for (var t = type; t is not null; t = t.BaseType)
        {
            if (t.GetFields(all).Any(f => f.FieldType == typeof(CliHarness))) return true;
        }
        return false;
    }
}
