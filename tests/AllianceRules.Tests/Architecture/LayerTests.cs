using System.Reflection;
using System.Reflection.Emit;
using AllianceRules.Evaluation;
using AllianceRules.History;
using AllianceRules.Parsing;

namespace AllianceRules.Tests.Architecture;

/// <summary>
/// Which part may use which, checked over the compiled types: their signatures and the types their
/// method bodies name (read from the IL), so a use the source spells out in full is caught too.
/// </summary>
public sealed class LayerTests
{
    private static readonly Assembly[] Assemblies = [typeof(RuleSetLoader).Assembly, typeof(Evaluator).Assembly];

    /// <summary>The evaluator works on the Model alone; the Model knows nothing of how rules and histories are read.</summary>
    public static TheoryData<string, string> Forbidden => new()
    {
        { "AllianceRules.Evaluation", "AllianceRules.History" },
        { "AllianceRules.Evaluation", "AllianceRules.Parsing" },
        { "AllianceRules.Model", "AllianceRules.History" },
        { "AllianceRules.Model", "AllianceRules.Parsing" },
    };

    [Theory]
    [MemberData(nameof(Forbidden))]
    public void A_part_uses_no_type_of_a_part_below_it(string part, string forbidden)
    {
        var offenders = Assemblies.SelectMany(a => a.GetTypes())
            .Where(t => In(t, part))
            .SelectMany(t => Uses(t).Where(u => In(u, forbidden)).Select(u => $"{t.FullName} uses {u.FullName}"))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(offenders.Count == 0, string.Join("\n", offenders));
    }

    [Fact]
    public void The_check_sees_the_types_a_method_body_names()
    {
        // History reads .events lines by the grammar in Parsing: only in method bodies (here an
        // iterator's, which the compiler puts in a nested type), never in a signature.
        var reader = typeof(EventsLineReader);
        Assert.Contains(typeof(HistoryParser), reader.GetNestedTypes(BindingFlags.NonPublic).Append(reader).SelectMany(Uses));
        Assert.Contains(Assemblies.SelectMany(a => a.GetTypes()), t => In(t, "AllianceRules.Evaluation"));
        Assert.Contains(Assemblies.SelectMany(a => a.GetTypes()), t => In(t, "AllianceRules.Model"));
    }

    private static bool In(Type type, string ns) =>
        type.Namespace is { } n && (n == ns || n.StartsWith(ns + ".", StringComparison.Ordinal));

    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    /// <summary>Every type a type names: base, interfaces, members' signatures, and the types, methods and fields its IL refers to.</summary>
    private static HashSet<Type> Uses(Type type)
    {
        var found = new HashSet<Type>();
        void Add(Type? t)
        {
            if (t is null || t.IsGenericParameter || !found.Add(t)) return;
            if (t.HasElementType) Add(t.GetElementType());
            if (t.IsGenericType) foreach (var a in t.GetGenericArguments()) Add(a);
        }
        Add(type.BaseType);
        foreach (var i in type.GetInterfaces()) Add(i);
        foreach (var f in type.GetFields(Declared)) Add(f.FieldType);
        foreach (var p in type.GetProperties(Declared)) Add(p.PropertyType);
        foreach (var m in type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)))
        {
            foreach (var p in m.GetParameters()) Add(p.ParameterType);
            if (m is MethodInfo info) Add(info.ReturnType);
            foreach (var l in m.GetMethodBody()?.LocalVariables ?? []) Add(l.LocalType);
            foreach (var member in Referenced(m))
            {
                switch (member)
                {
                    case Type t:
                        Add(t);
                        break;
                    case MethodBase called:
                        Add(called.DeclaringType);
                        foreach (var p in called.GetParameters()) Add(p.ParameterType);
                        if (called is MethodInfo c) Add(c.ReturnType);
                        break;
                    case FieldInfo field:
                        Add(field.DeclaringType);
                        Add(field.FieldType);
                        break;
                }
            }
        }
        return found;
    }

    private static readonly OpCode[] OneByte = new OpCode[256];
    private static readonly OpCode[] TwoByte = new OpCode[256];

    static LayerTests()
    {
        foreach (var f in typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            var op = (OpCode)f.GetValue(null)!;
            var value = unchecked((ushort)op.Value);
            if (value < 0x100) OneByte[value] = op;
            else if ((value & 0xff00) == 0xfe00) TwoByte[value & 0xff] = op;
        }
    }

    /// <summary>The members a method's IL refers to by token (calls, field accesses, type operands).</summary>
    private static IEnumerable<MemberInfo> Referenced(MethodBase method)
    {
        if (method.GetMethodBody()?.GetILAsByteArray() is not { } il) yield break;
        var typeArgs = method.DeclaringType is { IsGenericType: true } d ? d.GetGenericArguments() : null;
        var methodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var i = 0;
        while (i < il.Length)
        {
            var op = il[i] == 0xfe ? TwoByte[il[++i]] : OneByte[il[i]];
            i++;
            switch (op.OperandType)
            {
                case OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineType or OperandType.InlineTok:
                    MemberInfo? member;
                    try
                    {
                        member = method.Module.ResolveMember(BitConverter.ToInt32(il, i), typeArgs, methodArgs);
                    }
                    catch (ArgumentException)
                    {
                        member = null;
                    }
                    if (member is not null) yield return member;
                    i += 4;
                    break;
                case OperandType.InlineNone:
                    break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                    i += 1;
                    break;
                case OperandType.InlineVar:
                    i += 2;
                    break;
                case OperandType.InlineI8 or OperandType.InlineR:
                    i += 8;
                    break;
                case OperandType.InlineSwitch:
                    i += 4 + (4 * BitConverter.ToInt32(il, i));
                    break;
                default:
                    i += 4;
                    break;
            }
        }
    }
}
