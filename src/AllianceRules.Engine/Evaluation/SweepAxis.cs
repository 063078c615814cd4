using System.Collections.Immutable;
using NodaTime;

namespace AllianceRules.Evaluation;

/// <summary>
/// One assumption of a sweep and the periods to try for it (<c>--sweep NAME=P7D,P30D</c>). Several
/// axes are tried in every combination, the first axis varying slowest.
/// </summary>
public sealed record SweepAxis(string Assumption, ImmutableArray<Period> Values);
