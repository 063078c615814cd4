using System.Text;
using AllianceRules.Fuzz;
using SharpFuzz;

// alliance-fuzz: one SharpFuzz target per parser, and one for the language server (bench/fuzz/README.md). Under afl-fuzz it runs
// the target in AFL's persistent mode; outside it, it runs the target once on standard input, or
// on each file given after --replay (how the smoke run and the triage repeat a finding).
const string Usage = """
    usage: alliance-fuzz TARGET                  run under afl-fuzz (or once, on standard input)
           alliance-fuzz TARGET --replay FILE... run on each file; exit 1 on the first exception
           alliance-fuzz --list                  print the targets
    """;

if (args.Length == 1 && args[0] == "--list")
{
    foreach (var name in Targets.All.Keys.Concat(Targets.Raw.Keys)) Console.WriteLine(name);
    return 0;
}
Action<byte[]>? target = args.Length == 0 ? null
    : Targets.All.TryGetValue(args[0], out var textTarget) ? bytes => textTarget(Decode(bytes))
    : Targets.Raw.GetValueOrDefault(args[0]);
if (target is null)
{
    Console.Error.WriteLine(Usage);
    Console.Error.WriteLine($"targets: {string.Join(", ", Targets.All.Keys.Concat(Targets.Raw.Keys))}");
    return 2;
}
// Instrumented code counts edges into SharpFuzz's shared map, which Fuzzer.Run sets only when it
// starts: until then (start-up, --replay) the counts go to a scratch map of our own.
unsafe
{
    SharpFuzz.Common.Trace.SharedMem = (byte*)System.Runtime.InteropServices.NativeMemory.AllocZeroed(1 << 16);
}
Targets.Warm();
if (args.Length > 1 && args[1] == "--replay")
{
    foreach (var path in args.Skip(2))
    {
        try
        {
            target(File.ReadAllBytes(path));
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"{path}: {e}");
            return 1;
        }
    }
    Console.WriteLine($"{args[0]}: {args.Length - 2} inputs, no exception");
    return 0;
}
Fuzzer.Run(stream =>
{
    using var memory = new MemoryStream();
    stream.CopyTo(memory);
    target(memory.ToArray());
});
return 0;

// As the CLI reads a file (InputText.Decode): UTF-8 with any byte order mark honoured; bad bytes become U+FFFD.
static string Decode(byte[] bytes)
{
    using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
    return reader.ReadToEnd();
}
